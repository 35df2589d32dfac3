package io.jsylla.internal.protocol;

/** EVENT: pushed by the server on a connection that REGISTERed for it, always on stream -1. */
public sealed interface Event extends Response permits TopologyChangeEvent, StatusChangeEvent, SchemaChangeEvent {

    String TOPOLOGY_CHANGE = "TOPOLOGY_CHANGE";
    String STATUS_CHANGE = "STATUS_CHANGE";
    String SCHEMA_CHANGE = "SCHEMA_CHANGE";
}
