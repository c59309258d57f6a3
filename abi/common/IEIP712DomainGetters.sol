// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IEIP712DomainGetters
/// @notice The getters a contract may offer to describe its EIP-712 domain. A contract has some of
///         them, rarely all: EIP-5267's `eip712Domain()`, EigenLayer's `domainSeparator()`, EIP-2612's
///         `DOMAIN_SEPARATOR()`, and the `name()` / `version()` the domain is usually built from.
///         restake4j reads them together (failures allowed) to find and check a contract's domain.
interface IEIP712DomainGetters {
    /// @notice EIP-5267: the fields of the domain. Bit i of `fields` says whether field i is used
    ///         (0 name, 1 version, 2 chainId, 3 verifyingContract, 4 salt).
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

    /// @notice The domain separator, as EigenLayer's core contracts name it.
    function domainSeparator() external view returns (bytes32);

    /// @notice The domain separator, as EIP-2612 tokens name it.
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @notice The contract's name (an ERC-20's name, often its domain name).
    function name() external view returns (string memory);

    /// @notice The contract's version string (EigenLayer: semantic version such as "1.12.0").
    function version() external view returns (string memory);
}
