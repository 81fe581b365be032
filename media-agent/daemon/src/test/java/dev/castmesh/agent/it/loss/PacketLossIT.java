package dev.castmesh.agent.it.loss;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture on its own, with real datagrams: a throw-away user sends them with bash's {@code /dev/udp} to a socket
 * in this JVM (root), and the share that arrives follows {@link PacketLoss#setLoss}; root's own datagrams are never
 * dropped; a crashed run's table is deleted by the next start, and {@link PacketLoss#close} deletes its own.
 */
class PacketLossIT {
    private static final String USER = "castmesh-loss-a";
    private static final int COUNT = 2000;

    @Test
    void dropsTheChosenShareOfTheUsersUdpOnly() throws Exception {
        try (PacketLoss loss = PacketLoss.start(USER); DatagramSocket socket = receiver()) {
            assertEquals(COUNT, sendAs(USER, socket), "0 %: every datagram arrives (the receiver keeps up)");

            loss.setLoss(20);
            int arrived = sendAs(USER, socket);
            long dropped = loss.droppedPackets();
            System.out.printf("20 %% loss: %d of %d datagrams arrived, nft dropped %d%n", arrived, COUNT, dropped);
            // Binomial, n = 2000, p = 0.2: sd ≈ 18 datagrams; ± 100 is more than 5 sd.
            assertTrue(Math.abs(arrived - 0.8 * COUNT) < 100, "about 80 % arrive, got " + arrived);
            assertEquals(COUNT - arrived, dropped, "the counter saw every drop");
            assertEquals(COUNT, sendAsRoot(socket), "root's datagrams are not marked");

            loss.setLoss(0);
            assertEquals(COUNT, sendAs(USER, socket), "back to 0 %");
        }
    }

    @Test
    void startDeletesTablesOfGoneRunsAndCloseDeletesItsOwn() {
        long gone = 4_000_000;
        while (ProcessHandle.of(gone).isPresent()) {
            gone++;
        }
        LossTable staleTable = LossTable.of(gone, 1);
        String stale = staleTable.name();
        HostTools.nft(staleTable.create(List.of(SystemUsers.ensure(USER)), Impairment.NONE.loss(100)));
        String own;
        try (PacketLoss loss = PacketLoss.start(USER)) {
            own = loss.table();
            List<String> tables = LossTable.lossTables(HostTools.nftList("tables"));
            assertFalse(tables.contains(stale), "stale table deleted: " + tables);
            assertTrue(tables.contains(own), "own table exists: " + tables);
        }
        assertFalse(LossTable.lossTables(HostTools.nftList("tables")).contains(own), "close() deleted " + own);
    }

    private static DatagramSocket receiver() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(1 << 20);
        socket.setSoTimeout(500);
        return socket;
    }

    /** Sends {@link #COUNT} datagrams as {@code user}; returns how many arrived. */
    private static int sendAs(String user, DatagramSocket socket) throws Exception {
        String loop = "for i in $(seq " + COUNT + "); do echo $i > /dev/udp/127.0.0.1/" + socket.getLocalPort() + "; done";
        Process sender = new ProcessBuilder(HostTools.executable("runuser").toString(), "-u", user, "--", "bash", "-c", loop)
                .redirectErrorStream(true).start();
        int arrived = drain(socket, sender);
        assertEquals(0, sender.waitFor(), new String(sender.getInputStream().readAllBytes()));
        return arrived;
    }

    private static int sendAsRoot(DatagramSocket socket) throws Exception {
        try (DatagramSocket out = new DatagramSocket()) {
            Thread sender = new Thread(() -> {
                byte[] one = {'1'};
                try {
                    for (int i = 0; i < COUNT; i++) {
                        out.send(new DatagramPacket(one, 1, socket.getLocalSocketAddress()));
                        if (i % 100 == 0) {
                            Thread.sleep(1);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            int arrived = drain(socket, null);
            sender.join();
            return arrived;
        }
    }

    /** Counts datagrams until none has arrived for 500 ms (and the sender, if given, has ended). */
    private static int drain(DatagramSocket socket, Process sender) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[64], 64);
        int arrived = 0;
        while (true) {
            try {
                socket.receive(packet);
                arrived++;
            } catch (SocketTimeoutException e) {
                if (sender == null || !sender.isAlive()) {
                    return arrived;
                }
            }
        }
    }
}
