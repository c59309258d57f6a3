// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IEigenLayerOwnable, IEigenLayerInitializable, IEigenLayerSemVer} from "abi/eigenlayer/EigenLayerCommon.sol";

/// @title IEigen
/// @notice The EIGEN token as its proxy exposes it: ERC-20 with permit and votes (OpenZeppelin v4),
///         1:1 wrapping of bEIGEN, and transfer restrictions for allowlisted senders and receivers.
interface IEigen is IEigenLayerOwnable, IEigenLayerInitializable, IEigenLayerSemVer {
    // ---------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------

    /// @notice Votes of an account from block `fromBlock` on.
    struct Checkpoint {
        uint32 fromBlock;
        uint224 votes;
    }

    // ---------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------

    /// @notice `value` tokens moved from `from` to `to` (zero address for mint / burn).
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice `owner` set the allowance of `spender` to `value`.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice `delegator` moved its votes from `fromDelegate` to `toDelegate`.
    event DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate);

    /// @notice The votes of `delegate` changed.
    event DelegateVotesChanged(address indexed delegate, uint256 previousBalance, uint256 newBalance);

    /// @notice The EIP-712 domain changed (EIP-5267).
    event EIP712DomainChanged();

    /// @notice `minter` minted `amount`.
    event Mint(address indexed minter, uint256 amount);

    /// @notice `from` was allowed or forbidden to send while transfers are restricted.
    event SetAllowedFrom(address indexed from, bool isAllowedFrom);

    /// @notice `to` was allowed or forbidden to receive while transfers are restricted.
    event SetAllowedTo(address indexed to, bool isAllowedTo);

    /// @notice `account` wrapped `amount` bEIGEN into EIGEN.
    event TokenWrapped(address indexed account, uint256 amount);

    /// @notice `account` unwrapped `amount` EIGEN into bEIGEN.
    event TokenUnwrapped(address indexed account, uint256 amount);

    /// @notice Transfer restrictions were lifted.
    event TransferRestrictionsDisabled();

    // ---------------------------------------------------------------------
    // ERC-20
    // ---------------------------------------------------------------------

    /// @notice Token name.
    function name() external view returns (string memory);

    /// @notice Token symbol.
    function symbol() external view returns (string memory);

    /// @notice Number of decimals used for display purposes.
    function decimals() external view returns (uint8);

    /// @notice Total amount of tokens in existence.
    function totalSupply() external view returns (uint256);

    /// @notice Token balance of `account`.
    function balanceOf(address account) external view returns (uint256);

    /// @notice Moves `amount` tokens from the caller to `to`.
    function transfer(address to, uint256 amount) external returns (bool);

    /// @notice Remaining amount `spender` may move on behalf of `owner`.
    function allowance(address owner, address spender) external view returns (uint256);

    /// @notice Sets the caller's allowance for `spender` to `amount`.
    function approve(address spender, uint256 amount) external returns (bool);

    /// @notice Moves `amount` tokens from `from` to `to` using the caller's allowance.
    function transferFrom(address from, address to, uint256 amount) external returns (bool);

    /// @notice Raises the caller's allowance for `spender` by `addedValue`.
    function increaseAllowance(address spender, uint256 addedValue) external returns (bool);

    /// @notice Lowers the caller's allowance for `spender` by `subtractedValue`.
    function decreaseAllowance(address spender, uint256 subtractedValue) external returns (bool);

    // ---------------------------------------------------------------------
    // Permit (EIP-2612) and EIP-712
    // ---------------------------------------------------------------------

    /// @notice Sets `spender`'s allowance over `owner`'s tokens to `value`, authorised by `owner`'s signature.
    function permit(
        address owner,
        address spender,
        uint256 value,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;

    /// @notice Current permit and delegation nonce of `owner`.
    function nonces(address owner) external view returns (uint256);

    /// @notice EIP-712 domain separator used for permits and delegations.
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @notice The EIP-712 domain fields (EIP-5267).
    function eip712Domain()
        external
        view
        returns (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        );

    // ---------------------------------------------------------------------
    // Votes
    // ---------------------------------------------------------------------

    /// @notice Delegates the caller's votes to `delegatee`.
    function delegate(address delegatee) external;

    /// @notice Delegates the signer's votes to `delegatee`.
    function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) external;

    /// @notice The delegate of `account`.
    function delegates(address account) external view returns (address);

    /// @notice Current votes of `account`.
    function getVotes(address account) external view returns (uint256);

    /// @notice Votes of `account` at `timepoint` (a past block).
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256);

    /// @notice Total supply at `timepoint` (a past block).
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256);

    /// @notice Checkpoint `pos` of `account`'s votes.
    function checkpoints(address account, uint32 pos) external view returns (Checkpoint memory);

    /// @notice Number of vote checkpoints of `account`.
    function numCheckpoints(address account) external view returns (uint32);

    /// @notice The current timepoint (block number).
    function clock() external view returns (uint48);

    /// @notice How `clock()` counts (EIP-6372), e.g. "mode=blocknumber&from=default".
    function CLOCK_MODE() external pure returns (string memory);

    // ---------------------------------------------------------------------
    // bEIGEN wrapping
    // ---------------------------------------------------------------------

    /// @notice The bEIGEN token backing EIGEN.
    function bEIGEN() external view returns (address);

    /// @notice Wraps `amount` of the caller's bEIGEN into EIGEN.
    function wrap(uint256 amount) external;

    /// @notice Unwraps `amount` of the caller's EIGEN into bEIGEN.
    function unwrap(uint256 amount) external;

    // ---------------------------------------------------------------------
    // Minting and transfer restrictions
    // ---------------------------------------------------------------------

    /// @notice Mints the caller's minting allowance once it is due.
    function mint() external;

    /// @notice What `minter` may mint.
    function mintingAllowance(address minter) external view returns (uint256);

    /// @notice When `minter` may mint.
    function mintAllowedAfter(address minter) external view returns (uint256);

    /// @notice Sends `amounts[i]` to `receivers[i]`.
    function multisend(address[] calldata receivers, uint256[] calldata amounts) external;

    /// @notice Whether `from` may send while transfers are restricted.
    function allowedFrom(address from) external view returns (bool);

    /// @notice Whether `to` may receive while transfers are restricted.
    function allowedTo(address to) external view returns (bool);

    /// @notice Allows or forbids `from` to send while transfers are restricted (owner only).
    function setAllowedFrom(address from, bool isAllowedFrom) external;

    /// @notice Allows or forbids `to` to receive while transfers are restricted (owner only).
    function setAllowedTo(address to, bool isAllowedTo) external;

    /// @notice When transfer restrictions end on their own.
    function transferRestrictionsDisabledAfter() external view returns (uint256);

    /// @notice Lifts transfer restrictions (owner only).
    function disableTransferRestrictions() external;

    /// @notice Initialises the proxy with its owner and minters.
    function initialize(
        address initialOwner,
        address[] memory minters,
        uint256[] memory mintingAllowances,
        uint256[] memory mintAllowedAfters
    ) external;
}
