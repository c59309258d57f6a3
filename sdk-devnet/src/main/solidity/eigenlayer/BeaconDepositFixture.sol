// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {FixtureUnsupported} from "./FixtureSupport.sol";

/// @title BeaconDepositFixture
/// @notice A devnet stand-in for the beacon chain deposit contract: the same `deposit` function,
///         checks and `DepositEvent` (amount and index as 8-byte little-endian), including the
///         check that `deposit_data_root` is the SSZ hash-tree-root of the DepositData
///         (pubkey, withdrawal_credentials, amount in gwei, signature). Nothing reaches a beacon
///         chain: the ETH simply stays in this contract.
/// @dev Deviation: `get_deposit_root` is not kept (reverts); `get_deposit_count` is.
///      Test fixture only: not meant for production use. Written for restake4j.
contract BeaconDepositFixture is FixtureUnsupported {
    /// @notice A deposit: fields as the real contract emits them (amount, index: uint64 little-endian).
    event DepositEvent(bytes pubkey, bytes withdrawal_credentials, bytes amount, bytes signature, bytes index);

    uint256 private _depositCount;

    /// @notice Deposits msg.value (at least 1 ether, whole gwei) for validator `pubkey`.
    function deposit(
        bytes calldata pubkey,
        bytes calldata withdrawal_credentials,
        bytes calldata signature,
        bytes32 deposit_data_root
    ) external payable {
        require(pubkey.length == 48, "DepositContract: invalid pubkey length");
        require(withdrawal_credentials.length == 32, "DepositContract: invalid withdrawal_credentials length");
        require(signature.length == 96, "DepositContract: invalid signature length");
        require(msg.value >= 1 ether, "DepositContract: deposit value too low");
        require(msg.value % 1 gwei == 0, "DepositContract: deposit value not multiple of gwei");
        uint256 gweiAmount = msg.value / 1 gwei;
        require(gweiAmount <= type(uint64).max, "DepositContract: deposit value too high");

        bytes memory amount = _littleEndian64(uint64(gweiAmount));
        emit DepositEvent(pubkey, withdrawal_credentials, amount, signature, _littleEndian64(uint64(_depositCount)));

        bytes32 pubkeyRoot = sha256(abi.encodePacked(pubkey, bytes16(0)));
        bytes32 signatureRoot = sha256(
            abi.encodePacked(
                sha256(abi.encodePacked(signature[:64])), sha256(abi.encodePacked(signature[64:], bytes32(0)))
            )
        );
        bytes32 node = sha256(
            abi.encodePacked(
                sha256(abi.encodePacked(pubkeyRoot, withdrawal_credentials)),
                sha256(abi.encodePacked(amount, bytes24(0), signatureRoot))
            )
        );
        require(
            node == deposit_data_root,
            "DepositContract: reconstructed DepositData does not match supplied deposit_data_root"
        );
        _depositCount += 1;
    }

    /// @notice The number of deposits, as 8-byte little-endian.
    function get_deposit_count() external view returns (bytes memory) {
        return _littleEndian64(uint64(_depositCount));
    }

    /// @notice Not supported: the fixture keeps no deposit Merkle tree.
    function get_deposit_root() external view returns (bytes32) {
        _unsupportedView("get_deposit_root");
        return bytes32(0);
    }

    function _littleEndian64(uint64 value) private pure returns (bytes memory out) {
        out = new bytes(8);
        for (uint256 i = 0; i < 8; ++i) {
            out[i] = bytes1(uint8(value >> (8 * i)));
        }
    }
}
