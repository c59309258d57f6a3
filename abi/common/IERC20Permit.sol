// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "abi/common/IERC20.sol";

/// @title IERC20Permit
/// @notice ERC-20 with EIP-2612 signed approvals.
interface IERC20Permit is IERC20 {
    /// @notice The permit was submitted after its `deadline`.
    error ERC2612ExpiredSignature(uint256 deadline);

    /// @notice The recovered `signer` does not match `owner`
    ///         (`signer` is the zero address for malformed signatures).
    error ERC2612InvalidSigner(address signer, address owner);

    /// @notice Sets `spender`'s allowance over `owner`'s tokens to `value`,
    ///         authorised by `owner`'s EIP-712 signature (v, r, s).
    function permit(
        address owner,
        address spender,
        uint256 value,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;

    /// @notice Current permit nonce of `owner`; must be signed in the next permit.
    function nonces(address owner) external view returns (uint256);

    /// @notice EIP-712 domain separator used to build permit digests.
    function DOMAIN_SEPARATOR() external view returns (bytes32);
}
