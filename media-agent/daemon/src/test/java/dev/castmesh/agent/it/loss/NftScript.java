package dev.castmesh.agent.it.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of the nft scripts {@link PacketLoss} runs (pure: no I/O). One {@code inet} table per fixture, named
 * {@code castmesh_loss_<pid>_<n>} after the JVM that made it, so a later run can tell a crashed run's table (its
 * pid is gone) from a live one's. Its {@code out} chain (output hook) marks the UDP the given users send; its
 * {@code in} chain (input hook) drops a share of the marked packets on arrival. Dropping in the output hook
 * instead would fail the sender's {@code sendmsg} with EPERM, which libwebrtc notices (see FACTS.md).
 */
final class NftScript {
    static final String PREFIX = "castmesh_loss_";
    /** "lo" in ASCII; any value works as long as nothing else on the host sets it. */
    static final String MARK = "0x6c6f";
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)_(\\d+)");
    private static final Pattern TABLE_LINE = Pattern.compile("(?m)^table inet (" + Pattern.quote(PREFIX) + "\\S*)$");
    private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+) bytes \\d+");

    private NftScript() {
    }

    static String tableName(long pid, int sequence) {
        return PREFIX + pid + "_" + sequence;
    }

    /** The pid in a table name this class made; empty for any other name. */
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

    /** Creates the table: both chains, the marking rules for {@code uids}, and the drop rules of {@code impairment}. */
    static String create(String table, List<Integer> uids, Impairment impairment) {
        if (uids.isEmpty()) {
            throw new IllegalArgumentException("no users to impair");
        }
        StringBuilder s = new StringBuilder();
        s.append("add table inet ").append(table).append('\n');
        s.append("add chain inet ").append(table).append(" out { type filter hook output priority 0; policy accept; }\n");
        s.append("add chain inet ").append(table).append(" in { type filter hook input priority 0; policy accept; }\n");
        for (int uid : uids) {
            s.append("add rule inet ").append(table).append(" out meta skuid ").append(uid)
                    .append(" meta l4proto udp meta mark set ").append(MARK).append('\n');
        }
        return s.append(dropRules(table, impairment)).toString();
    }

    /** Replaces the drop rules in one transaction: no moment without, or with both, old and new rules. */
    static String update(String table, Impairment impairment) {
        return "flush chain inet " + table + " in\n" + dropRules(table, impairment);
    }

    static String delete(String table) {
        return "delete table inet " + table + "\n";
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

    private static String dropRules(String table, Impairment impairment) {
        StringBuilder s = new StringBuilder();
        String marked = "add rule inet " + table + " in meta mark " + MARK;
        if (impairment.lossPercent() == 100) {
            s.append(marked).append(" counter drop\n"); // nft rejects "< 100" against a value mod 100
        } else if (impairment.lossPercent() > 0) {
            s.append(marked).append(" numgen random mod 100 < ").append(impairment.lossPercent()).append(" counter drop\n");
        }
        impairment.limitKbytesPerSecond().ifPresent(kbytes ->
                s.append(marked).append(" limit rate over ").append(kbytes).append(" kbytes/second counter drop\n"));
        return s.toString();
    }
}
