// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20Permit} from "abi/common/IERC20Permit.sol";
import {
    Failure, FixtureAllowances, FixtureERC20, FixtureERC20Permit, Generation, PermitFailure, revertERC6093
} from "./FixtureERC20.sol";

/// @title TestToken
/// @notice ERC-20 + EIP-2612 token fixture shared by every protocol on the devnet, with OpenZeppelin 5's
///         rules and the ERC-6093 / EIP-2612 custom errors of abi/common/IERC20Permit.sol (an allowance of
///         type(uint256).max is infinite and is not decreased; spending it emits no Approval).
///         The deployer is the `minter` and may mint freely; anyone may burn their own tokens.
///         Permit's EIP-712 domain is (name, "1").
/// @dev Test fixture only: not meant for production use.
contract TestToken is FixtureERC20, FixtureERC20Permit {
    /// @notice The caller is not allowed to perform the operation.
    error Unauthorized(address caller);

    /// @notice Account allowed to mint (the deployer).
    address public immutable minter;

    /// @param name_ token name (also the EIP-712 domain name)
    /// @param symbol_ token symbol
    /// @param decimals_ display decimals
    constructor(string memory name_, string memory symbol_, uint8 decimals_)
        FixtureAllowances(Generation.OpenZeppelin5)
        FixtureERC20(name_, symbol_, decimals_)
        FixtureERC20Permit(name_)
    {
        minter = msg.sender;
    }

    /// @notice Mints `amount` tokens to `to`. Only the minter may call this.
    function mint(address to, uint256 amount) external {
        if (msg.sender != minter) revert Unauthorized(msg.sender);
        _mint(to, amount);
    }

    /// @notice Burns `amount` of the caller's tokens.
    function burn(uint256 amount) external {
        _burn(msg.sender, amount);
    }

    function _fail(Failure failure, address account, uint256 held, uint256 needed) internal pure override {
        revertERC6093(failure, account, held, needed);
    }

    /// @dev ERC2612ExpiredSignature, else ERC2612InvalidSigner(recovered signer or 0, owner).
    function _failPermit(PermitFailure failure, address signer, address owner, uint256 deadline)
        internal
        pure
        override
    {
        if (failure == PermitFailure.Expired) revert IERC20Permit.ERC2612ExpiredSignature(deadline);
        revert IERC20Permit.ERC2612InvalidSigner(signer, owner);
    }
}
