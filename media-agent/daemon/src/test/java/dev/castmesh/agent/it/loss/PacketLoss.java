package dev.castmesh.agent.it.loss;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real packet loss on this host for the UDP that some system users send, with nftables (there is no netem here; see
 * FACTS.md "Network faults for media tests"). Every UDP packet a given user sends is marked on the way out and a
 * share of the marked packets is dropped on arrival, whoever receives it. Run the processes whose packets should
 * be lost as those users ({@code runuser -u USER --}); what root (or anyone else) sends is untouched.
 *
 * <p>Cleanup: {@link #close()} deletes the table (use try-with-resources); a shutdown hook does the same if the JVM
 * exits without it; and {@link #start} first deletes the tables of earlier runs whose JVM is gone (killed with
 * SIGKILL, say). Tables of live JVMs are left alone, but note that two runs at once on one host impair each other's
 * processes, since they share the users.
 *
 * <p>Needs root and nft: {@link #start} fails with a message otherwise, so a test never passes on a clean network
 * by mistake.
 */
public final class PacketLoss implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final LossTable table;
    private final Thread shutdownHook;
    private Impairment impairment = Impairment.NONE; // guarded by this
    private boolean closed; // guarded by this

    private PacketLoss(LossTable table) {
        this.table = table;
        this.shutdownHook = new Thread(this::deleteTable, "packet-loss-cleanup-" + table.name());
    }

    /** Creates the users if needed and a table that marks their UDP, with no loss yet. */
    public static PacketLoss start(String... users) {
        HostTools.requireRoot();
        List<Integer> uids = Arrays.stream(users).map(SystemUsers::ensure).toList();
        deleteStaleTables();
        warnAboutForeignMarkDroppers();
        PacketLoss loss = new PacketLoss(LossTable.of(ProcessHandle.current().pid(), SEQUENCE.incrementAndGet()));
        refuseSharedUsers(loss.table.name(), users, uids);
        Runtime.getRuntime().addShutdownHook(loss.shutdownHook);
        try {
            HostTools.nft(loss.table.create(uids, Impairment.NONE));
        } catch (RuntimeException e) {
            loss.close();
            throw e;
        }
        return loss;
    }

    /** Drops {@code percent} % of the marked packets from now on (replaces the previous share). */
    public synchronized void setLoss(int percent) {
        apply(impairment.loss(percent));
    }

    /** Also drops whatever of the marked packets exceeds {@code kbytes} kilobytes per second (all users together). */
    public synchronized void limitKbytesPerSecond(int kbytes) {
        apply(impairment.limit(OptionalInt.of(kbytes)));
    }

    public synchronized void removeLimit() {
        apply(impairment.limit(OptionalInt.empty()));
    }

    public synchronized Impairment impairment() {
        return impairment;
    }

    /** Marked packets dropped since the impairment last changed (the rules and their counters are replaced). */
    public synchronized long droppedPackets() {
        requireOpen();
        return LossTable.droppedPackets(HostTools.nftList("chain", "inet", table.name(), "in"));
    }

    /** The nftables table's name. */
    public String table() {
        return table.name();
    }

    private void apply(Impairment next) {
        requireOpen();
        HostTools.nft(table.update(next));
        impairment = next;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("packet loss table " + table.name() + " is closed");
        }
    }

    /** Deletes the table; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) deleteTable itself
        }
        deleteTable();
    }

    private void deleteTable() {
        if (tableExists(table.name())) {
            HostTools.nft(table.delete());
        }
    }

    private static boolean tableExists(String table) {
        return LossTable.lossTables(HostTools.nftList("tables")).contains(table);
    }

    private static void deleteStaleTables() {
        for (String stale : LossTable.lossTables(HostTools.nftList("tables"))) {
            OptionalLong owner = LossTable.ownerPid(stale);
            if (owner.isEmpty()) {
                System.err.println("PacketLoss: leaving table inet " + stale + " alone (not named by PacketLoss)");
            } else if (ProcessHandle.of(owner.getAsLong()).isEmpty()) {
                System.err.println("PacketLoss: deleting table inet " + stale + " left by a run that is gone");
                try {
                    HostTools.nft("delete table inet " + stale + "\n");
                } catch (IllegalStateException e) {
                    if (tableExists(stale)) {
                        throw e;
                    } // another run deleted it first
                }
            }
        }
    }

    /**
     * Fails when a live run's table already marks one of {@code uids}: the two runs would drop each other's packets
     * and neither would measure its own loss (seen on a shared machine: this run's counter stayed at 0 while the
     * other's 10 % hit its packets).
     */
    private static void refuseSharedUsers(String self, String[] users, List<Integer> uids) {
        LossTable.usersMarkedByOthers(HostTools.nftList("ruleset"), self).forEach((table, marked) -> {
            if (marked.stream().anyMatch(uids::contains)) {
                throw new IllegalStateException("PacketLoss: table inet " + table + " of a live run (pid "
                        + LossTable.ownerPid(table).orElse(-1) + ") already impairs uids " + marked + " (this run's users "
                        + String.join(", ", users) + " are " + uids + "): two runs on the same users drop each other's"
                        + " packets. Wait for it to end, or run this one as other users (castmesh.loss.users).");
            }
        });
    }

    private static void warnAboutForeignMarkDroppers() {
        for (String other : LossTable.foreignMarkDroppers(HostTools.nftList("ruleset"))) {
            System.err.println("PacketLoss: table " + other + " drops packets by mark; if it is another run's loss"
                    + " recipe, it may also drop what this test sends (or not: this table uses its own mark)");
        }
    }
}
