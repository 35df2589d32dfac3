package io.jsylla.internal.protocol;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The &lt;metadata&gt; of a rows result (and the result metadata of a prepared statement).
 *
 * @param pagingState   present with Has_more_pages, else null
 * @param newMetadataId v5: present with Metadata_changed, else null
 * @param columns       empty with No_metadata
 */
public record RowsMetadata(int flags, int columnCount, ByteBuffer pagingState, byte[] newMetadataId,
                           List<ColumnDef> columns) {

    public static final int GLOBAL_TABLES_SPEC = 0x0001;
    public static final int HAS_MORE_PAGES = 0x0002;
    public static final int NO_METADATA = 0x0004;
    public static final int METADATA_CHANGED = 0x0008;

    public boolean hasMorePages() {
        return (flags & HAS_MORE_PAGES) != 0;
    }

    public boolean noMetadata() {
        return (flags & NO_METADATA) != 0;
    }

    public boolean metadataChanged() {
        return (flags & METADATA_CHANGED) != 0;
    }
}
