/**
 * The driver's implementation, not exported by the module. Layers depend one way only:
 * {@code protocol} (pure codec) ← {@code connection} (Netty) ← {@code pool}, {@code cluster}
 * ← {@code routing}, {@code request} ← {@code session} (the public API's implementation);
 * {@code codec} and {@code result} turn values and rows to and from Java.
 */
package io.jsylla.internal;
