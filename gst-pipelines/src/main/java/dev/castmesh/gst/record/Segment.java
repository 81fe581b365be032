package dev.castmesh.gst.record;

import java.util.List;

/**
 * One DASH media segment: one or more consecutive fragments of one track. Pure.
 *
 * @param startTime decode time of the first fragment, in the track's timescale
 * @param duration in the track's timescale
 * @param startsWithSync whether the first sample is a key frame (always true for audio)
 */
record Segment(List<Fragment> fragments, long startTime, long duration, boolean startsWithSync) {

    Segment {
        fragments = List.copyOf(fragments);
    }

    long size() {
        return fragments.stream().mapToLong(f -> f.bytes().length).sum();
    }

    long endTime() {
        return startTime + duration;
    }
}
