package dev.castmesh.agent.it.loss;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LossTableTest {
    /** pid 42, first table: mark 0x6c6f0000 | (42 * 16 + 1) = 0x6c6f02a1. */
    private static final LossTable T = LossTable.of(42, 1);

    @Test
    void createMarksEachUsersUdpWithItsOwnMarkAndDropsNothingYet() {
        assertEquals("""
                add table inet castmesh_loss_42_1
                add chain inet castmesh_loss_42_1 out { type filter hook output priority 0; policy accept; }
                add chain inet castmesh_loss_42_1 in { type filter hook input priority 0; policy accept; }
                add rule inet castmesh_loss_42_1 out meta skuid 1001 meta l4proto udp meta mark set 0x6c6f02a1
                add rule inet castmesh_loss_42_1 out meta skuid 1002 meta l4proto udp meta mark set 0x6c6f02a1
                """, T.create(List.of(1001, 1002), Impairment.NONE));
    }

    @Test
    void updateReplacesTheDropRulesInOneScript() {
        assertEquals("""
                flush chain inet castmesh_loss_42_1 in
                add rule inet castmesh_loss_42_1 in meta mark 0x6c6f02a1 numgen random mod 100 < 3 counter drop
                """, T.update(Impairment.NONE.loss(3)));
        assertEquals("""
                flush chain inet castmesh_loss_42_1 in
                add rule inet castmesh_loss_42_1 in meta mark 0x6c6f02a1 numgen random mod 100 < 10 counter drop
                add rule inet castmesh_loss_42_1 in meta mark 0x6c6f02a1 limit rate over 125 kbytes/second counter drop
                """, T.update(new Impairment(10, OptionalInt.of(125))));
        assertEquals("flush chain inet castmesh_loss_42_1 in\n", T.update(Impairment.NONE));
        assertEquals("""
                flush chain inet castmesh_loss_42_1 in
                add rule inet castmesh_loss_42_1 in meta mark 0x6c6f02a1 counter drop
                """, T.update(Impairment.NONE.loss(100)));
        assertEquals("delete table inet castmesh_loss_42_1\n", T.delete());
    }

    @Test
    void tableNamesCarryTheOwnerPidAndMarksDiffer() {
        assertEquals("castmesh_loss_4711_3", LossTable.of(4711, 3).name());
        assertEquals(OptionalLong.of(4711), LossTable.ownerPid("castmesh_loss_4711_3"));
        assertEquals(OptionalLong.empty(), LossTable.ownerPid("castmesh_loss_manual"));
        assertEquals(Set.of(0x6c6f02a1, 0x6c6f02a2, 0x6c6f02b1),
                Set.of(LossTable.of(42, 1).mark(), LossTable.of(42, 2).mark(), LossTable.of(43, 1).mark()));
    }

    @Test
    void findsOnlyLossTablesInTheListing() {
        String listing = """
                table inet filter
                table inet castmesh_loss_4711_1
                table ip nat
                table inet castmesh_loss_manual
                table inet castmesh_lossy
                """;
        assertEquals(List.of("castmesh_loss_4711_1", "castmesh_loss_manual"), LossTable.lossTables(listing));
    }

    @Test
    void findsOtherTablesThatDropByMark() {
        String ruleset = """
                table inet cmexp {
                	chain out {
                		type filter hook output priority filter; policy accept;
                		meta skuid 1003 meta l4proto udp meta mark set 0x00006c6f
                	}
                	chain in {
                		type filter hook input priority filter; policy accept;
                		meta mark 0x00006c6f numgen random mod 100 < 3 drop
                	}
                }
                table inet castmesh_loss_42_1 {
                	chain in {
                		meta mark 0x6c6f02a1 numgen random mod 100 < 3 counter packets 1 bytes 2 drop
                	}
                }
                table ip filter {
                	chain input {
                		tcp dport 22 drop
                	}
                }
                """;
        assertEquals(Set.of("inet cmexp"), LossTable.foreignMarkDroppers(ruleset));
    }

    @Test
    void findsTheUsersThatOtherLossTablesMark() {
        String ruleset = """
                table inet castmesh_loss_42_1 {
                	chain out {
                		type filter hook output priority filter; policy accept;
                		meta skuid 1001 meta l4proto udp meta mark set 0x6c6f02a1
                	}
                }
                table inet castmesh_loss_77_2 {
                	chain out {
                		type filter hook output priority filter; policy accept;
                		meta skuid 1002 meta l4proto udp meta mark set 0x6c6f04d2
                		meta skuid 1001 meta l4proto udp meta mark set 0x6c6f04d2
                	}
                	chain in {
                		meta mark 0x6c6f04d2 numgen random mod 100 < 10 counter packets 683 bytes 267145 drop
                	}
                }
                table inet cmexp {
                	chain out {
                		meta skuid 1003 meta l4proto udp meta mark set 0x00006c6f
                	}
                }
                """;
        assertEquals(Map.of("castmesh_loss_77_2", Set.of(1001, 1002)),
                LossTable.usersMarkedByOthers(ruleset, "castmesh_loss_42_1"));
    }

    @Test
    void sumsTheDropCounters() {
        String chain = """
                table inet castmesh_loss_42_1 {
                	chain in {
                		type filter hook input priority filter; policy accept;
                		meta mark 0x6c6f02a1 numgen random mod 100 < 3 counter packets 137 bytes 56324 drop
                		meta mark 0x6c6f02a1 limit rate over 125 kbytes/second counter packets 5 bytes 900 drop
                	}
                }
                """;
        assertEquals(142, LossTable.droppedPackets(chain));
    }

    @Test
    void rejectsImpossibleImpairments() {
        assertThrows(IllegalArgumentException.class, () -> new Impairment(101, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Impairment(-1, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Impairment(0, OptionalInt.of(0)));
        assertThrows(IllegalArgumentException.class, () -> T.create(List.of(), Impairment.NONE));
    }
}
