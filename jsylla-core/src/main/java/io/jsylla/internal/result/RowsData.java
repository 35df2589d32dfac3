package io.jsylla.internal.result;

import io.jsylla.ColumnSpec;
import io.jsylla.internal.codec.Codecs;
import io.jsylla.internal.protocol.CodecException;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of one page, still in the bytes they arrived in. Cells are located on first access
 * (one pass, one int per cell) and decoded only when read.
 */
public final class RowsData {
    private final List<ColumnSpec> columns;
    private final ByteBuf buf;
    private final int start;
    private final int rowCount;
    private int[] offsets;
    private Map<String, Integer> byName;
    // row.as(...) called row after row maps with one record class: keep its mapping at hand.
    private volatile RecordMapper.RowMapping<?> lastMapping;

    public RowsData(List<ColumnSpec> columns, ByteBuf rows, int rowCount) {
        this.columns = columns;
        this.buf = rows;
        this.start = rows.readerIndex();
        this.rowCount = rowCount;
    }

    /** No columns, no rows: the data of every write's result. */
    public static final RowsData NONE = new RowsData(List.of(), io.netty.buffer.Unpooled.EMPTY_BUFFER, 0);

    public static RowsData empty(List<ColumnSpec> columns) {
        return new RowsData(columns, io.netty.buffer.Unpooled.EMPTY_BUFFER, 0);
    }

    public List<ColumnSpec> columns() {
        return columns;
    }

    public int rowCount() {
        return rowCount;
    }

    /** Offset of the [bytes] length prefix of a cell. */
    int cell(int row, int column) {
        int[] o = offsets;
        if (o == null) o = locate();
        return o[row * columns.size() + column];
    }

    private int[] locate() {
        int n = columns.size();
        int[] o = new int[rowCount * n];
        int pos = start;
        int limit = buf.writerIndex();
        try {
            for (int i = 0; i < o.length; i++) {
                if (pos + 4 > limit) throw new CodecException("rows truncated at cell " + i + " of " + o.length);
                o[i] = pos;
                int len = buf.getInt(pos);
                pos += 4 + Math.max(len, 0);
                if (pos > limit) throw new CodecException("cell " + i + " declares " + len + " bytes beyond the frame");
            }
        } catch (IndexOutOfBoundsException e) {
            throw new CodecException("malformed rows: " + e.getMessage(), e);
        }
        offsets = o;
        return o;
    }

    boolean isNull(int row, int column) {
        return buf.getInt(cell(row, column)) < 0;
    }

    /** A zero-length value: not null, but no value either for most types (see Row#isEmpty). */
    boolean isEmpty(int row, int column) {
        return buf.getInt(cell(row, column)) == 0;
    }

    /** The cell's bytes as the node sent them (a copy), or null for null: for tests and diagnostics. */
    public ByteBuffer rawValue(int row, int column) {
        if (row < 0 || row >= rowCount || column < 0 || column >= columns.size()) {
            throw new IndexOutOfBoundsException("cell " + row + "," + column + " of " + rowCount + "x" + columns.size());
        }
        int at = cell(row, column);
        int len = buf.getInt(at);
        if (len < 0) return null;
        byte[] bytes = new byte[len];
        buf.getBytes(at + 4, bytes);
        return ByteBuffer.wrap(bytes);
    }

    @SuppressWarnings("unchecked")
    <R> RecordMapper.RowMapping<R> mapping(Class<R> recordType) {
        RecordMapper.RowMapping<?> m = lastMapping;
        if (m == null || m.type != recordType) {
            m = RecordMapper.forRows(recordType, columns);
            lastMapping = m;
        }
        return (RecordMapper.RowMapping<R>) m;
    }

    Object decode(int row, int column) {
        int at = cell(row, column);
        int len = buf.getInt(at);
        if (len < 0) return null;
        ColumnSpec c = columns.get(column);
        return Codecs.decode(c.type(), buf, at + 4, len);
    }

    /** Column index by name: exact first, then ignoring case; -1 if none. */
    int indexOf(String name) {
        Map<String, Integer> m = byName;
        if (m == null) {
            m = new HashMap<>();
            for (int i = columns.size() - 1; i >= 0; i--) m.put(columns.get(i).name(), i);
            for (int i = columns.size() - 1; i >= 0; i--) {
                m.putIfAbsent(columns.get(i).name().toLowerCase(Locale.ROOT), i);
            }
            byName = m;
        }
        Integer i = m.get(name);
        if (i == null) i = m.get(name.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }
}
