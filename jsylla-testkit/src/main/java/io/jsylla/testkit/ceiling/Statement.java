package io.jsylla.testkit.ceiling;

/**
 * A CQL statement the server recognized, with the answers that do not depend on bound values
 * encoded once, when it is first seen.
 *
 * @param kind what to answer
 * @param text the normalized text, whose MD5 is the prepared id
 * @param id the prepared id
 * @param result the RESULT body for kinds whose answer is fixed (null for GET and SCAN)
 * @param resultWithoutMetadata the same when the client set skip_metadata
 * @param prepared the RESULT Prepared body, or null when the statement cannot be prepared
 */
record Statement(Kind kind, String text, byte[] id, byte[] result, byte[] resultWithoutMetadata, byte[] prepared) {

    enum Kind {
        /** INSERT INTO bench.kv (k, v) VALUES (?, ?): Void. */
        INSERT,
        /** SELECT k, v FROM bench.kv WHERE k = ?: one row echoing k. */
        GET,
        /** SELECT k, v FROM bench.kv: pages up to the configured number of rows. */
        SCAN,
        /** A read of a system table: system.local's row, or no row. */
        SYSTEM,
        /** USE: Set_keyspace. */
        USE,
        /** CREATE, DROP, ALTER, TRUNCATE: Void, so that drivers do not wait for schema agreement. */
        SCHEMA
    }

    /** The fixed answer, honouring the skip_metadata flag. */
    byte[] result(boolean skipMetadata) {
        return skipMetadata ? resultWithoutMetadata : result;
    }
}
