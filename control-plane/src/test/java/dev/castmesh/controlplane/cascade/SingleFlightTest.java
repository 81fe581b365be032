package dev.castmesh.controlplane.cascade;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleFlightTest {
    private final SingleFlight<String, Integer> flight = new SingleFlight<>();

    @Test
    void concurrentCallersOfOneKeyShareOneCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<Integer> first = pool.submit(() -> flight.run("k", () -> {
                entered.countDown();
                await(release);
                return calls.incrementAndGet();
            }));
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            List<Future<Integer>> waiters = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                waiters.add(pool.submit(() -> flight.run("k", calls::incrementAndGet)));
            }
            Future<Integer> other = pool.submit(() -> flight.run("other", () -> 42));
            assertEquals(42, other.get(5, TimeUnit.SECONDS), "another key does not wait");
            while (pool instanceof java.util.concurrent.ThreadPoolExecutor executor && executor.getActiveCount() < 8) {
                Thread.sleep(5);
            }
            Thread.sleep(100); // the waiters are inside run()
            release.countDown();
            assertEquals(1, first.get(5, TimeUnit.SECONDS));
            for (Future<Integer> waiter : waiters) {
                assertEquals(1, waiter.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, calls.get());
            assertEquals(0, flight.inFlight());
            assertEquals(2, flight.run("k", calls::incrementAndGet), "after the end, the next caller calls again");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitersGetTheSameException() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> flight.run("k", () -> {
                entered.countDown();
                await(release);
                throw boom;
            }));
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            Future<Integer> waiter = pool.submit(() -> flight.run("k", () -> 1));
            Thread.sleep(100);
            release.countDown();
            Exception e = assertThrows(Exception.class, () -> waiter.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() == boom || e.getCause() instanceof IllegalStateException, String.valueOf(e));
            assertSame(boom, assertThrows(Exception.class, () -> first.get(5, TimeUnit.SECONDS)).getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
