/**
 * Key groups, the unit of keyed state: {@link KeyGroupRangeAssignment} maps a key to its key group
 * ({@code murmur(hashCode) % maxParallelism}) and a key group to its subtask, and computes the
 * {@link io.eddy.runtime.snapshot.KeyGroupRange} a subtask owns. Above {@code snapshot} (where the
 * range lives, as snapshot handles carry it): it may import {@code snapshot} and the layers below.
 */
package io.eddy.runtime.keygroup;
