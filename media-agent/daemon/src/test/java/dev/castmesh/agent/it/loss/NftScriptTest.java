package dev.castmesh.agent.it.loss;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NftScriptTest {
    private static final String T = "castmesh_loss_42_1";

    @Test
    void createMarksEachUsersUdpAndDropsNothingYet() {
        assertEquals("""
                add table inet castmesh_loss_42_1
                add chain inet castmesh_loss_42_1 out { type filter hook output priority 0; policy accept; }
                add chain inet castmesh_loss_42_1 in { type filter hook input priority 0; policy accept; }
                add rule inet castmesh_loss_42_1 out meta skuid 1001 meta l4proto udp meta mark set 0x6c6f
                add rule inet castmesh_loss_42_1 out meta skuid 1002 meta l4proto udp meta mark set 0x6c6f
                """, NftScript.create(T, List.of(1001, 1002), Impairment.NONE));
    }

    @Test
    void updateReplacesTheDropRulesInOneScript() {
        assertEquals("""
                flush chain inet castmesh_loss_42_1 in
                add rule inet castmesh_loss_42_1 in meta mark 0x6c6f numgen random mod 100 < 3 counter drop
                """, NftScript.update(T, Impairment.NONE.loss(3)));
        assertEquals("""
                flush chain inet castmesh_loss_42_1 in
                add rule inet castmesh_loss_42_1 in meta mark 0x6c6f numgen random mod 100 < 10 counter drop
                add rule inet castmesh_loss_42_1 in meta mark 0x6c6f limit rate over 125 kbytes/second counter drop
                """, NftScript.update(T, new Impairment(10, OptionalInt.of(125))));
        assertEquals("flush chain inet castmesh_loss_42_1 in\n", NftScript.update(T, Impairment.NONE));
        assertEquals("""
                flush chain inet castmesh_loss_42_1 in
                add rule inet castmesh_loss_42_1 in meta mark 0x6c6f counter drop
                """, NftScript.update(T, Impairment.NONE.loss(100)));
    }

    @Test
    void tableNamesCarryTheOwnerPid() {
        assertEquals("castmesh_loss_4711_3", NftScript.tableName(4711, 3));
        assertEquals(OptionalLong.of(4711), NftScript.ownerPid("castmesh_loss_4711_3"));
        assertEquals(OptionalLong.empty(), NftScript.ownerPid("castmesh_loss_manual"));
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
        assertEquals(List.of("castmesh_loss_4711_1", "castmesh_loss_manual"), NftScript.lossTables(listing));
    }

    @Test
    void sumsTheDropCounters() {
        String chain = """
                table inet castmesh_loss_42_1 {
                	chain in {
                		type filter hook input priority filter; policy accept;
                		meta mark 0x00006c6f numgen random mod 100 < 3 counter packets 137 bytes 56324 drop
                		meta mark 0x00006c6f limit rate over 125 kbytes/second counter packets 5 bytes 900 drop
                	}
                }
                """;
        assertEquals(142, NftScript.droppedPackets(chain));
    }

    @Test
    void rejectsImpossibleImpairments() {
        assertThrows(IllegalArgumentException.class, () -> new Impairment(101, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Impairment(-1, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Impairment(0, OptionalInt.of(0)));
        assertThrows(IllegalArgumentException.class, () -> NftScript.create(T, List.of(), Impairment.NONE));
    }
}
