package dev.castmesh.agent.cascade;

/** A cascade leg as its watchdog last judged it; shown in stream views ({@code cascade[].state}). */
enum LegState {
    /** Media flows. */
    LIVE,
    /** No media from the source for a while: a re-attach may still bring it back within the grace period. */
    LOST,
    /** Ended. */
    CLOSED
}
