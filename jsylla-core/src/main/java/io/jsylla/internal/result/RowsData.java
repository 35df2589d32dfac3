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
 * (one pass, one int per cell) and decoded only when read. A page's {@link DefaultQueryResult} is
 * its rows data too, so that a read's answer is one object.
 */
public class RowsData {
    private final List<ColumnSpec> columns;
    private final ByteBuf buf;
    private final int start;
    private final int end;
    private final int rowCount;
    private int[] offsets;
    /** What by-name reads of wide rows and record mapping keep at hand; made on first use. */
    private volatile Lookups lookups;

    private static final class Lookups {
        volatile Map<String, Integer> byName;
        // row.as(...) called row after row maps with one record class: keep its mapping at hand.
        volatile RecordMapper.RowMapping<?> lastMapping;
    }

    private Lookups lookups() {
        Lookups l = lookups;
        if (l == null) lookups = l = new Lookups(); // racy: a lost one only costs a lookup again
        return l;
    }

    /** Rows that are {@code rows}' readable bytes. */
    public RowsData(List<ColumnSpec> columns, ByteBuf rows, int rowCount) {
        this(columns, rows, rows.readerIndex(), rows.writerIndex(), rowCount);
    }

    /** The same rows as {@code other}, located afresh. */
    RowsData(RowsData other) {
        this(other.columns, other.buf, other.start, other.end, other.rowCount);
    }

    /** Rows that are bytes {@code start} to {@code end} of {@code buf}, which may hold other data around them. */
    public RowsData(List<ColumnSpec> columns, ByteBuf buf, int start, int end, int rowCount) {
        this.columns = columns;
        this.buf = buf;
        this.start = start;
        this.end = end;
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
        if (o != null) return o[row * columns.size() + column];
        // One short row (a read by key) is walked on each access rather than indexed: no array.
        if (rowCount == 1 && columns.size() <= WALKED_COLUMNS) return walk(column);
        return locate()[row * columns.size() + column];
    }

    private static final int WALKED_COLUMNS = 8;

    private int walk(int column) {
        int cells = rowCount * columns.size();
        int pos = start;
        for (int i = 0; i < column; i++) pos = after(pos, i, cells);
        after(pos, column, cells); // checks the cell itself lies within the frame
        return pos;
    }

    private int[] locate() {
        int[] o = new int[rowCount * columns.size()];
        int pos = start;
        for (int i = 0; i < o.length; i++) {
            o[i] = pos;
            pos = after(pos, i, o.length);
        }
        offsets = o;
        return o;
    }

    /** Where the cell after cell {@code i} (at {@code pos}) starts, checking cell i lies within the rows. */
    private int after(int pos, int i, int cells) {
        if (pos + 4 > end) throw new CodecException("rows truncated at cell " + i + " of " + cells);
        int len;
        try {
            len = buf.getInt(pos);
        } catch (IndexOutOfBoundsException e) {
            throw new CodecException("malformed rows: " + e.getMessage(), e);
        }
        int next = pos + 4 + Math.max(len, 0);
        if (next > end || next < pos) throw new CodecException("cell " + i + " declares " + len + " bytes beyond the frame");
        return next;
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
        Lookups l = lookups();
        RecordMapper.RowMapping<?> m = l.lastMapping;
        if (m == null || m.type != recordType) {
            m = RecordMapper.forRows(recordType, columns);
            l.lastMapping = m;
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

    /** Up to this many columns, a name is found by comparing names: no map per page. */
    private static final int SCANNED_COLUMNS = 16;

    /** {@link #indexOf} by comparing names, in the same order of preference as the map. */
    private int scan(String name) {
        int n = columns.size();
        for (int i = 0; i < n; i++) if (columns.get(i).name().equals(name)) return i;
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < n; i++) if (columns.get(i).name().equals(lower)) return i;
        for (int i = n - 1; i >= 0; i--) if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(lower)) return i;
        return -1;
    }

    /** Column index by name: exact first, then ignoring case; -1 if none. */
    int indexOf(String name) {
        if (columns.size() <= SCANNED_COLUMNS) return scan(name);
        Lookups l = lookups();
        Map<String, Integer> m = l.byName;
        if (m == null) {
            m = new HashMap<>();
            for (int i = columns.size() - 1; i >= 0; i--) m.put(columns.get(i).name(), i);
            for (int i = columns.size() - 1; i >= 0; i--) {
                m.putIfAbsent(columns.get(i).name().toLowerCase(Locale.ROOT), i);
            }
            l.byName = m;
        }
        Integer i = m.get(name);
        if (i == null) i = m.get(name.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }
}
