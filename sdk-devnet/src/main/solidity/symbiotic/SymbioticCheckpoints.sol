// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title SymbioticCheckpoints (devnet fixture library)
/// @notice Time-checkpointed uint256 values for the Symbiotic vault fixtures: each write records the value at
///         block.timestamp (a second write in the same second replaces the first, so the keys stay strictly
///         increasing and index i is the i-th distinct timestamp, as in Symbiotic's Checkpoints.Trace256);
///         `latest` is the newest value and `upperLookupRecent(t)` the value of the newest checkpoint at or before
///         `t` (0 when there is none).
///         Hints follow Symbiotic's `upperLookupRecent(key, hint)`: an empty hint means a plain search; otherwise
///         the hint is abi.encode(uint32 index) of the checkpoint the caller expects to hold the answer. It is used
///         when that checkpoint's key equals `t`, or lies before `t` with the next checkpoint (if any) after `t`;
///         any other in-range index falls back to the search. As upstream, an index past the end panics
///         (array out of bounds, 0x32) and a hint that is not one encoded uint32 fails to decode.
/// @dev Test fixture only: not meant for production use. Written for restake4j; no upstream code.
library SymbioticCheckpoints {
    /// @notice A checkpoint older than the latest one was written (cannot happen with block.timestamp keys).
    error CheckpointUnorderedInsertion();

    struct Point {
        uint48 key;
        uint256 value;
    }

    struct Trace {
        Point[] points;
    }

    /// @dev Records `value` at block.timestamp.
    function push(Trace storage self, uint256 value) internal {
        pushAt(self, uint48(block.timestamp), value);
    }

    /// @dev Records `value` at `key`, which may lie in the future (the V2 AppAdapter's release times) but not
    ///      before the latest key; the same key again replaces its value.
    function pushAt(Trace storage self, uint48 key, uint256 value) internal {
        uint256 n = self.points.length;
        if (n != 0) {
            Point storage last = self.points[n - 1];
            if (last.key > key) revert CheckpointUnorderedInsertion();
            if (last.key == key) {
                last.value = value;
                return;
            }
        }
        self.points.push(Point({key: key, value: value}));
    }

    /// @dev The newest value, 0 before the first write.
    function latest(Trace storage self) internal view returns (uint256) {
        uint256 n = self.points.length;
        return n == 0 ? 0 : self.points[n - 1].value;
    }

    /// @dev How many checkpoints (distinct timestamps) there are.
    function length(Trace storage self) internal view returns (uint256) {
        return self.points.length;
    }

    /// @dev The value of the newest checkpoint whose key is at most `key`, 0 if there is none.
    function upperLookupRecent(Trace storage self, uint48 key) internal view returns (uint256) {
        Point[] storage pts = self.points;
        // Binary search for the count of checkpoints with a key <= `key`.
        uint256 low = 0;
        uint256 high = pts.length;
        while (low < high) {
            uint256 mid = (low + high) >> 1;
            if (pts[mid].key > key) high = mid;
            else low = mid + 1;
        }
        return high == 0 ? 0 : pts[high - 1].value;
    }

    /// @dev `upperLookupRecent(key)` that first tries the checkpoint index encoded in `hint` (see the notice).
    function upperLookupRecent(Trace storage self, uint48 key, bytes memory hint) internal view returns (uint256) {
        if (hint.length == 0) return upperLookupRecent(self, key);
        uint256 index = abi.decode(hint, (uint32));
        Point[] storage pts = self.points;
        Point storage p = pts[index];
        uint48 pointKey = p.key;
        if (pointKey == key) return p.value;
        if (pointKey < key && (index == pts.length - 1 || pts[index + 1].key > key)) return p.value;
        return upperLookupRecent(self, key);
    }
}
