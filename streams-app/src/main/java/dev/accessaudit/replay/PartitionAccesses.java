package dev.accessaudit.replay;

import java.util.List;

/**
 * The accesses of one partition ready to judge.
 *
 * @param accesses valid, de-duplicated accesses in judgement order
 * @param streamTime the latest access time read from the partition: how far the pipeline's stream
 *     time has at least got
 */
record PartitionAccesses(List<ReplayAccess> accesses, long streamTime) {}
