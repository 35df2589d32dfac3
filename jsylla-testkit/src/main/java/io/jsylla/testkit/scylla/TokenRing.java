package io.jsylla.testkit.scylla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The token ring of the nodes behind the simulator, to tell whether a node that coordinates a
 * request is one of the token's replicas. Replica placement follows Cassandra's own
 * {@code SimpleStrategy} and {@code NetworkTopologyStrategy} (rack-aware, as in Cassandra 4/5).
 */
public final class TokenRing {
    /** One node of the ring: its index among the simulator's nodes, where it stands, its tokens. */
    public record Member(int index, String datacenter, String rack, List<Long> tokens) {}

    private final List<Member> members;
    private final long[] tokens;
    private final int[] owners;

    public TokenRing(List<Member> members) {
        this.members = List.copyOf(members);
        record Entry(long token, int owner) {}
        List<Entry> entries = new ArrayList<>();
        for (Member m : members) for (long t : m.tokens()) entries.add(new Entry(t, m.index()));
        entries.sort((a, b) -> Long.compare(a.token(), b.token()));
        tokens = entries.stream().mapToLong(Entry::token).toArray();
        owners = entries.stream().mapToInt(Entry::owner).toArray();
    }

    public List<Member> members() {
        return members;
    }

    /** The indexes of the nodes that hold {@code token} under {@code replication}, primary first. */
    public Set<Integer> replicas(long token, Replication replication) {
        Set<Integer> out = new LinkedHashSet<>();
        if (tokens.length == 0) return out;
        if (replication.everywhere()) {
            members.forEach(m -> out.add(m.index()));
            return out;
        }
        // The primary replica owns (previous token, its token]: the first token >= the key's.
        int start = Arrays.binarySearch(tokens, token);
        if (start < 0) start = -start - 1;
        if (start == tokens.length) start = 0;
        if (replication.perDatacenter().isEmpty()) {
            int rf = Math.min(replication.factor(), members.size());
            for (int i = 0; i < tokens.length && out.size() < rf; i++) out.add(owners[(start + i) % tokens.length]);
            return out;
        }
        Map<String, DatacenterPick> picks = new LinkedHashMap<>();
        replication.perDatacenter().forEach((dc, rf) -> picks.put(dc, new DatacenterPick(dc, rf)));
        for (int i = 0; i < tokens.length && !picks.values().stream().allMatch(DatacenterPick::done); i++) {
            Member m = member(owners[(start + i) % tokens.length]);
            DatacenterPick p = picks.get(m.datacenter());
            if (p != null && p.offer(m)) out.add(m.index());
        }
        return out;
    }

    /**
     * The primary replica of {@code token}: the first replica in ring order from the token (for
     * replication everywhere, the token's owner); -1 when the ring or the replicas are empty.
     */
    public int primary(long token, Replication replication) {
        if (tokens.length == 0) return -1;
        if (replication.everywhere()) {
            int start = Arrays.binarySearch(tokens, token);
            if (start < 0) start = -start - 1;
            return owners[start == tokens.length ? 0 : start];
        }
        Set<Integer> r = replicas(token, replication);
        return r.isEmpty() ? -1 : r.iterator().next();
    }

    private Member member(int index) {
        for (Member m : members) if (m.index() == index) return m;
        throw new IllegalStateException("no member " + index);
    }

    /** NetworkTopologyStrategy's per-datacenter choice: a new rack first, repeats only when racks run out. */
    private final class DatacenterPick {
        private final Set<Integer> chosen = new LinkedHashSet<>();
        private final Set<String> racks = new LinkedHashSet<>();
        private int left;
        private int rackRepeats;

        DatacenterPick(String dc, int rf) {
            List<Member> inDc = members.stream().filter(m -> m.datacenter().equals(dc)).toList();
            left = Math.min(rf, inDc.size());
            rackRepeats = rf - (int) inDc.stream().map(Member::rack).distinct().count();
        }

        boolean done() {
            return left <= 0;
        }

        boolean offer(Member m) {
            if (done() || chosen.contains(m.index())) return false;
            if (!racks.add(m.rack())) {
                if (rackRepeats <= 0) return false;
                rackRepeats--;
            }
            chosen.add(m.index());
            left--;
            return true;
        }
    }
}
