"""Cross-client conformance, the Python side: an independent client (the Python driver, as Debian's
python3-cassandra packages it) writes rows of every CQL type, or reads rows another client wrote,
and prints every cell as one line "table<TAB>id<TAB>column<TAB>canonical value".

The canonical form is the one Canonical.java prints (see there): exact and free of language
quirks. The driver (3.25) does not know vectors and custom types; it hands them over as raw bytes,
which this script decodes itself, and it writes vectors as CQL literals, which the server encodes.

Usage: conformance.py HOST PORT KEYSPACE write FIRST_ID
       conformance.py HOST PORT KEYSPACE read ID...
"""
import datetime
import ipaddress
import struct
import sys
import uuid
from decimal import Decimal

from cassandra import cqltypes, util
from cassandra.cluster import Cluster

EPOCH = datetime.datetime(1970, 1, 1)
VECTOR_CLASS = "org.apache.cassandra.db.marshal.VectorType"
# The element types the server lays out without a length in a vector, and their struct formats.
FIXED = {"float": ">f", "double": ">d", "int": ">i", "bigint": ">q", "boolean": ">?"}


def text(s):
    out = []
    for ch in s:
        cp = ord(ch)
        out.append(ch if 0x20 <= cp <= 0x7E and ch not in '"\\' else "\\u{%x}" % cp)
    return '"' + "".join(out) + '"'


def floating(x):
    if x != x:
        return "NaN"
    return "f64:" + struct.pack(">d", x).hex()


def as_f32(x):
    return struct.unpack(">f", struct.pack(">f", x))[0]


def millis(v):
    """A timestamp as epoch milliseconds: an int as it is, a (naive UTC) datetime to the nearest ms."""
    if isinstance(v, int):
        return v
    micros = (v - EPOCH) // datetime.timedelta(microseconds=1)
    # The driver reads timestamps through a float of seconds, a few microseconds off: round.
    return (micros + 500) // 1000


def timestamp(v):
    ms = millis(v)
    try:
        t = EPOCH + datetime.timedelta(milliseconds=ms)
    except OverflowError:
        return "ms:%d" % ms
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond // 1000)


def date(v):
    days = v.days_from_epoch if isinstance(v, util.Date) else util.Date(v).days_from_epoch
    try:
        return (datetime.date(1970, 1, 1) + datetime.timedelta(days=days)).isoformat()
    except OverflowError:
        return "days:%d" % days


def time(v):
    n = v.nanosecond_time if isinstance(v, util.Time) else util.Time(v).nanosecond_time
    seconds, nanos = divmod(n, 10**9)
    return "%02d:%02d:%02d.%09d" % (seconds // 3600, seconds // 60 % 60, seconds % 60, nanos)


def read_uvint(buf, pos):
    first = buf[pos]
    extra = 0
    while extra < 8 and first & (0x80 >> extra):
        extra += 1
    value = first & (0xFF >> extra) if extra < 8 else 0
    for i in range(extra):
        value = (value << 8) | buf[pos + 1 + i]
    return value, pos + 1 + extra


def unfrozen(t):
    return unfrozen(t.subtypes[0]) if t.typename == "frozen" else t


def vector_parts(t):
    element, dimension = t.subtypes
    return unfrozen(element), int(dimension.cassname)


def decode_vector(t, raw):
    element, dimension = vector_parts(t)
    fmt = FIXED.get(element.typename)
    if fmt:
        size = struct.calcsize(fmt)
        return [struct.unpack(fmt, raw[i * size:(i + 1) * size])[0] for i in range(dimension)]
    values, pos = [], 0
    for _ in range(dimension):
        length, pos = read_uvint(raw, pos)
        values.append(element.from_binary(raw[pos:pos + length], 5))
        pos += length
    assert pos == len(raw), "%d bytes left in a vector" % (len(raw) - pos)
    return values


def render(t, v):
    if v is None:
        return "null"
    t = unfrozen(t)
    name = t.typename
    if name in ("ascii", "text", "varchar"):
        return text(v)
    if name in ("tinyint", "smallint", "int", "bigint", "counter", "varint"):
        return str(int(v))
    if name == "float":
        return floating(as_f32(v))
    if name == "double":
        return floating(v)
    if name == "decimal":
        sign, digits, exponent = v.as_tuple()
        unscaled = int("".join(map(str, digits)))
        return "%dE%d" % (-unscaled if sign else unscaled, exponent)
    if name == "boolean":
        return "true" if v else "false"
    if name == "blob":
        return "0x" + bytes(v).hex()
    if name in ("uuid", "timeuuid"):
        return str(v)
    if name == "inet":
        ip = ipaddress.ip_address(v)
        return str(ip) if ip.version == 4 else ip.exploded
    if name == "date":
        return date(v)
    if name == "time":
        return time(v)
    if name == "timestamp":
        return timestamp(v)
    if name == "duration":
        return "dur:%d,%d,%d" % (v.months, v.days, v.nanoseconds)
    if name == "list":
        return "[" + ",".join(render(t.subtypes[0], e) for e in v) + "]"
    if name == "set":
        return "{" + ",".join(sorted(render(t.subtypes[0], e) for e in v)) + "}"
    if name == "map":
        k, vt = t.subtypes
        return "{" + ",".join(sorted(render(k, a) + ":" + render(vt, b) for a, b in v.items())) + "}"
    if name == "tuple":
        return "(" + ",".join(render(s, e) for s, e in zip(t.subtypes, v)) + ")"
    if issubclass(t, cqltypes.UserType):
        return "{" + ",".join("%s=%s" % (f, render(s, v[i]))
                              for i, (f, s) in enumerate(zip(t.fieldnames, t.subtypes))) + "}"
    if getattr(t, "cassname", "") == VECTOR_CLASS:
        element = vector_parts(t)[0]
        values = decode_vector(t, v) if isinstance(v, (bytes, bytearray)) else v
        return "[" + ",".join(render(element, e) for e in values) + "]"
    return "0x" + bytes(v).hex()  # a custom type: its raw bytes


def literal(element, v):
    """A vector element as CQL literal text."""
    if isinstance(v, list):
        return "[" + ", ".join(literal(element.subtypes[0], e) for e in v) + "]"
    if isinstance(v, str):
        return "'" + v.replace("'", "''") + "'"
    if isinstance(v, float):
        return "NaN" if v != v else "Infinity" if v == float("inf") else "-Infinity" if v == float("-inf") else repr(v)
    return str(v)


def python_rows():
    """Rows of every type as the Python client's own values; vectors are written as literals."""
    udt = ("Py", 1, ["a", "b"], {"s": -0.0})
    typical = {
        "c_ascii": "py ascii", "c_bigint": -2**53 - 1, "c_blob": b"\x00\xff\x10", "c_boolean": False,
        "c_date": util.Date(datetime.date(2000, 2, 29)), "c_decimal": Decimal("3.14159265358979323846264338327950288"),
        "c_double": 2.5e-310, "c_duration": util.Duration(1, 2, 3000000000), "c_float": 0.1,
        "c_inet": "192.168.0.1", "c_int": -42, "c_smallint": 12345, "c_text": 'Python \u2713 "q" \\ \U0001f40d',
        "c_varchar": "v", "c_time": util.Time(3723456789000),
        "c_timestamp": datetime.datetime(1955, 11, 5, 6, 15, 0, 123000),
        "c_timeuuid": uuid.UUID("d2177dd0-eaa2-11de-a572-001b779c76e3"), "c_tinyint": 127,
        "c_uuid": uuid.UUID("12345678-9abc-4def-8123-456789abcdef"), "c_varint": -(10**100),
        "c_list": [1, 1, 2], "c_set": {"x", "y"}, "c_map": {"k": 2**62}, "c_frozen": [{3}, set()],
        "c_tuple": (7, "seven", [0.5]), "c_udt": udt, "c_udt_plain": ("P", None, [], None),
        "c_outer": ("out", ("in", 2, [], {}), {1, 2, 3}),
        "c_nested": {"py": [("x", 1, ["t"], {"a": 1.0}), ("y", None, None, None)]},
        "c_vector": [0.5, -1.25, 3.0], "c_vector_text": ["py", "\u00fc"], "c_vector_bigint": [2**63 - 1, -1],
        "c_vector_smallint": [-32768, 32767], "c_vector_list": [[1, 2, 3], []],
        "c_vector_big": [i * 0.25 for i in range(1000)], "c_custom": bytes(range(16)),
    }
    edges = {
        "c_ascii": "", "c_bigint": -2**63, "c_blob": b"", "c_date": util.Date(2**31 - 1),
        "c_decimal": Decimal("1E+400"), "c_double": float("-inf"), "c_duration": util.Duration(-1, -2, -3),
        "c_float": float("nan"), "c_inet": "::ffff:1.2.3.4", "c_int": 2**31 - 1, "c_smallint": -32768,
        "c_text": "", "c_time": util.Time(0), "c_timestamp": 253402300800000, "c_tinyint": -128,
        "c_varint": 2**2000, "c_frozen": [], "c_tuple": (None, None, None), "c_udt": (None, None, None, None),
        "c_vector": [float("nan"), float("inf"), -0.0], "c_vector_text": ["", "x" * 300],
    }
    more = {"c_date": util.Date(-2**31), "c_timestamp": -10**15, "c_inet": "::1", "c_double": float("nan"),
            "c_decimal": Decimal("-0.00"), "c_varint": 0}
    return [typical, edges, more, {}]


EMPTY_ROW = {"c_int": "blobAsInt(0x)", "c_bigint": "blobAsBigint(0x)", "c_timestamp": "blobAsTimestamp(0x)",
             "c_boolean": "blobAsBoolean(0x)", "c_uuid": "blobAsUuid(0x)"}


def write(session, ks, first_id):
    columns = [c for c in session.execute("SELECT * FROM %s.all_types LIMIT 1" % ks).column_names if c != "id"]
    insert = session.prepare("INSERT INTO %s.all_types (id, %s) VALUES (?, %s)"
                             % (ks, ", ".join(columns), ", ".join("?" * len(columns))))
    types = {c.name: c.type for c in insert.column_metadata}
    vectors = [c for c in columns if getattr(types[c], "cassname", "") == VECTOR_CLASS]
    out = []
    rid = first_id
    for row in python_rows():
        session.execute(insert, [rid] + [None if c in vectors else row.get(c) for c in columns])
        for c in vectors:
            if row.get(c) is not None:
                element = vector_parts(types[c])[0]
                session.execute("UPDATE %s.all_types SET %s = [%s] WHERE id = %d"
                                % (ks, c, ", ".join(literal(element, e) for e in row[c]), rid))
        out += ["all_types\t%d\t%s\t%s" % (rid, c, render(types[c], row.get(c))) for c in columns]
        rid += 1
    session.execute("INSERT INTO %s.all_types (id, %s) VALUES (%d, %s)"
                    % (ks, ", ".join(EMPTY_ROW), rid, ", ".join(EMPTY_ROW.values())))
    out += ["all_types\t%d\t%s\t%s" % (rid, c, "empty" if c in EMPTY_ROW else "null") for c in columns]
    counter = session.prepare("UPDATE %s.counters SET c = c + ? WHERE id = ?" % ks)
    session.execute(counter, [2**62, first_id])
    session.execute(counter, [-5, first_id])
    out.append("counters\t%d\tc\t%d" % (first_id, 2**62 - 5))
    return out


def read(session, ks, ids):
    out = []
    for table in ("all_types", "counters"):
        rs = session.execute("SELECT * FROM %s.%s WHERE id IN (%s)" % (ks, table, ", ".join(map(str, ids))))
        names, types = rs.column_names, rs.column_types
        for row in rs:
            rid = row[names.index("id")]
            out += ["%s\t%d\t%s\t%s" % (table, rid, n, render(t, v))
                    for n, t, v in zip(names, types, row) if n != "id"]
    return out


def main(argv):
    host, port, ks, mode = argv[1], int(argv[2]), argv[3], argv[4]
    cluster = Cluster([host], port=port, connect_timeout=20, control_connection_timeout=20)
    try:
        session = cluster.connect()
        session.default_timeout = 30
        lines = write(session, ks, int(argv[5])) if mode == "write" else read(session, ks, [int(a) for a in argv[5:]])
    finally:
        cluster.shutdown()
    sys.stdout.write("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    main(sys.argv)
