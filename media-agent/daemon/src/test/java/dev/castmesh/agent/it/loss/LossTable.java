package dev.castmesh.agent.it.loss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nft scripts of one {@link PacketLoss} table (pure: no I/O). The {@code inet} table is named
 * {@code castmesh_loss_<pid>_<n>} after the JVM that made it, so a later run can tell a crashed run's table (its pid
 * is gone) from a live one's. Its {@code out} chain (output hook) marks the UDP the given users send with
 * {@code mark}; its {@code in} chain (input hook) drops a share of the packets with that mark on arrival. Dropping in
 * the output hook instead would fail the sender's {@code sendmsg} with EPERM, which libwebrtc notices (FACTS.md).
 *
 * <p>The mark is this table's own ({@code 0x6c6fNNNN}, from the name), not the recipe's {@code 0x6c6f}: any other
 * table on the host that drops {@code 0x6c6f} (someone trying the recipe by hand) would otherwise also drop our
 * packets, and ours theirs.
 */
record LossTable(String name, int mark) {
    static final String PREFIX = "castmesh_loss_";
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)_(\\d+)");
    private static final Pattern TABLE_LINE = Pattern.compile("(?m)^table inet (" + Pattern.quote(PREFIX) + "\\S*)$");
    private static final Pattern TABLE_START = Pattern.compile("^table (\\S+) (\\S+) \\{$");
    private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+) bytes \\d+");
    private static final Pattern MARKED_USER = Pattern.compile("meta skuid (\\d+) .*mark set");

    static LossTable of(long pid, int sequence) {
        return new LossTable(PREFIX + pid + "_" + sequence, 0x6c6f0000 | (int) ((pid * 16 + sequence) & 0xffff));
    }

    /** Creates the table: both chains, the marking rules for {@code uids}, and the drop rules of {@code impairment}. */
    String create(List<Integer> uids, Impairment impairment) {
        if (uids.isEmpty()) {
            throw new IllegalArgumentException("no users to impair");
        }
        StringBuilder s = new StringBuilder();
        s.append("add table inet ").append(name).append('\n');
        s.append("add chain inet ").append(name).append(" out { type filter hook output priority 0; policy accept; }\n");
        s.append("add chain inet ").append(name).append(" in { type filter hook input priority 0; policy accept; }\n");
        for (int uid : uids) {
            s.append("add rule inet ").append(name).append(" out meta skuid ").append(uid)
                    .append(" meta l4proto udp meta mark set ").append(hexMark()).append('\n');
        }
        return s.append(dropRules(impairment)).toString();
    }

    /** Replaces the drop rules in one transaction: no moment without, or with both, old and new rules. */
    String update(Impairment impairment) {
        return "flush chain inet " + name + " in\n" + dropRules(impairment);
    }

    String delete() {
        return "delete table inet " + name + "\n";
    }

    private String dropRules(Impairment impairment) {
        StringBuilder s = new StringBuilder();
        String marked = "add rule inet " + name + " in meta mark " + hexMark();
        if (impairment.lossPercent() == 100) {
            s.append(marked).append(" counter drop\n"); // nft rejects "< 100" against a value mod 100
        } else if (impairment.lossPercent() > 0) {
            s.append(marked).append(" numgen random mod 100 < ").append(impairment.lossPercent()).append(" counter drop\n");
        }
        impairment.limitKbytesPerSecond().ifPresent(kbytes ->
                s.append(marked).append(" limit rate over ").append(kbytes).append(" kbytes/second counter drop\n"));
        return s.toString();
    }

    private String hexMark() {
        return String.format("0x%08x", mark);
    }

    /** The pid in a table name {@link #of} made; empty for any other name. */
    static OptionalLong ownerPid(String table) {
        Matcher m = OURS.matcher(table);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The {@code castmesh_loss_*} inet tables in the output of {@code nft list tables}. */
    static List<String> lossTables(String listTablesOutput) {
        List<String> tables = new ArrayList<>();
        Matcher m = TABLE_LINE.matcher(listTablesOutput);
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    /**
     * Tables ({@code family name}) in the output of {@code nft list ruleset}, other than ours, with a rule that drops
     * by packet mark: they may drop packets marked by a copy of the recipe, and skew a measurement.
     */
    static Set<String> foreignMarkDroppers(String ruleset) {
        Set<String> found = new LinkedHashSet<>();
        String table = null;
        for (String line : ruleset.split("\n")) {
            Matcher start = TABLE_START.matcher(line);
            if (start.matches()) {
                table = start.group(2).startsWith(PREFIX) ? null : start.group(1) + " " + start.group(2);
            } else if (table != null && line.contains("meta mark ") && line.strip().endsWith("drop")
                    && !line.contains("mark set")) {
                found.add(table);
            }
        }
        return found;
    }

    /**
     * The uids that other {@code castmesh_loss_*} tables (not {@code self}) mark, by table, in the output of
     * {@code nft list ruleset}: another run impairing the same users. Both tables' output chains set their own mark
     * on those users' packets, the last one wins, and each run then drops (some of) the other's packets.
     */
    static Map<String, Set<Integer>> usersMarkedByOthers(String ruleset, String self) {
        Map<String, Set<Integer>> marked = new LinkedHashMap<>();
        String table = null;
        for (String line : ruleset.split("\n")) {
            Matcher start = TABLE_START.matcher(line);
            if (start.matches()) {
                String name = start.group(2);
                table = start.group(1).equals("inet") && name.startsWith(PREFIX) && !name.equals(self) ? name : null;
                continue;
            }
            Matcher user = MARKED_USER.matcher(line);
            if (table != null && user.find()) {
                marked.computeIfAbsent(table, t -> new TreeSet<>()).add(Integer.parseInt(user.group(1)));
            }
        }
        return marked;
    }

    /** Packets dropped so far by the rules in the output of {@code nft list chain inet T in}. */
    static long droppedPackets(String listChainOutput) {
        long dropped = 0;
        Matcher m = COUNTER.matcher(listChainOutput);
        while (m.find()) {
            dropped += Long.parseLong(m.group(1));
        }
        return dropped;
    }
}
