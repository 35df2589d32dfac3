/**
 * Services the public value classes ({@code TupleValue}, {@code UdtValue}) need from the
 * implementation, named here so that those classes depend on no codec: {@link
 * io.jsylla.internal.values.ValueNormalizer}, provided by the codec package and found through
 * {@link java.util.ServiceLoader} (module-info.java's {@code provides}, and
 * {@code META-INF/services} on the class path). Depends on the public API only.
 */
package io.jsylla.internal.values;
