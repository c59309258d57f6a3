// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Eip712Probe
/// @notice Fixture for the SDK's EIP-712 domain reading: a contract with EigenLayer's getters
///         (`version()`, `domainSeparator()`) whose separator hashes a chosen domain name and the
///         first `versionChars` characters of its version string (0: the whole string). EigenLayer's
///         mixin used one character ("1.12.0" gives "1"), and two in releases v1.3.0 to v1.5.0
///         ("1.3.0" gives "1."). It also checks signatures over `Probe(address signer,uint256 value)`,
///         so a test can prove a digest computed off chain is the one the contract verifies. Deployed
///         with `eip5267_`, it also answers EIP-5267's `eip712Domain()` (with the hashed version);
///         without, that call reverts, as on EigenLayer's core contracts.
///         Test fixture only: not meant for production use.
contract Eip712Probe {
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    /// @notice The type of the probe's one message.
    bytes32 public constant PROBE_TYPEHASH = keccak256("Probe(address signer,uint256 value)");

    string private _name;
    string private _version;
    uint256 private immutable _versionChars;
    bool private immutable _eip5267;

    /// @param name_         the domain name the separator hashes
    /// @param version_      what `version()` returns
    /// @param versionChars_ how many leading characters of `version_` the separator hashes (0: all)
    /// @param eip5267_      whether `eip712Domain()` answers
    constructor(string memory name_, string memory version_, uint256 versionChars_, bool eip5267_) {
        require(versionChars_ <= bytes(version_).length, "versionChars beyond the version string");
        _name = name_;
        _version = version_;
        _versionChars = versionChars_;
        _eip5267 = eip5267_;
    }

    /// @notice The version string, e.g. "1.3.0".
    function version() external view returns (string memory) {
        return _version;
    }

    /// @notice The EIP-712 domain separator, recomputed on every call.
    function domainSeparator() public view returns (bytes32) {
        return keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(_name)), keccak256(_hashedVersion()), block.chainid, address(this))
        );
    }

    /// @notice EIP-5267: the domain's fields (name, version, chainId, verifyingContract; no salt, no extensions).
    ///         Reverts unless deployed with `eip5267_`.
    function eip712Domain()
        external
        view
        returns (
            bytes1 fields,
            string memory name,
            string memory version_,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        )
    {
        require(_eip5267, "no EIP-5267 domain");
        return (hex"0f", _name, string(_hashedVersion()), block.chainid, address(this), bytes32(0), new uint256[](0));
    }

    function _hashedVersion() private view returns (bytes memory used) {
        bytes memory full = bytes(_version);
        uint256 n = _versionChars == 0 ? full.length : _versionChars;
        used = new bytes(n);
        for (uint256 i = 0; i < n; i++) {
            used[i] = full[i];
        }
    }

    /// @notice The digest of `Probe(signer, value)` in this contract's domain.
    function digest(address signer, uint256 value) public view returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(PROBE_TYPEHASH, signer, value));
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(), structHash));
    }

    /// @notice Whether `signature` (65 bytes r, s, v) is `signer`'s over `Probe(signer, value)`.
    function verify(address signer, uint256 value, bytes calldata signature) external view returns (bool) {
        if (signature.length != 65) return false;
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        address recovered = ecrecover(digest(signer, value), v, r, s);
        return recovered != address(0) && recovered == signer;
    }
}
