/**
 * How the kit does its work: resolving Cassandra with Maven, writing node configuration,
 * launching node JVMs, watching their liveness over JMX, and the probe's protocol codec. Not
 * an API; may change in any release.
 */
package io.jsylla.testkit.internal;
