# The Python driver (Debian's python3-cassandra, not shard-aware) through the shard simulator:
# creates a table, writes and reads rows by prepared statements, and prints what it read back.
# Usage: through_simulator.py HOST PORT ROWS
# Protocol v4 and no compression: the simulator counts only uncompressed frames and speaks no v5.
import sys

from cassandra.cluster import Cluster

host, port, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cluster = Cluster([host], port=port, protocol_version=4, compression=False,
                  connect_timeout=20, control_connection_timeout=20)
session = cluster.connect()
session.default_timeout = 30
session.execute("CREATE KEYSPACE IF NOT EXISTS sim_py WITH replication = "
                "{'class': 'SimpleStrategy', 'replication_factor': 1}")
session.execute("CREATE TABLE IF NOT EXISTS sim_py.kv (k bigint PRIMARY KEY, v text)")
insert = session.prepare("INSERT INTO sim_py.kv (k, v) VALUES (?, ?)")
select = session.prepare("SELECT v FROM sim_py.kv WHERE k = ?")
for k in range(rows):
    session.execute(insert, (k * 7919, "v%d" % k))
read = 0
for k in range(rows):
    row = session.execute(select, (k * 7919,)).one()
    if row is not None and row.v == "v%d" % k:
        read += 1
print("written %d" % rows)
print("read %d" % read)
cluster.shutdown()
