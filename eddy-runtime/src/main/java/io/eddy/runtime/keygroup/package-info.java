/**
 * Key groups, the unit of keyed state: {@link KeyGroupRangeAssignment} maps a key to its key group
 * ({@code murmur(hashCode) % maxParallelism}) and a key group to its subtask, and a {@link
 * KeyGroupRange} is the contiguous range a subtask owns. The bottom layer of the runtime: it
 * imports no other runtime package.
 */
package io.eddy.runtime.keygroup;
