// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// The ERC-20 bookkeeping the devnet's token fixtures share (TestToken, Vault4626's shares, weETH, wstETH,
// rETH, EIGEN; eETH, whose balances are pool shares, takes the allowance and permit parts only).
// Each fixture keeps the rules and revert data of the OpenZeppelin generation its upstream uses: the
// `Generation` it passes, the `_fail` / `_failPermit` hooks it overrides. None of these contracts
// declares an error, so a fixture's ABI lists exactly the errors it can revert with; the fixtures do not
// inherit their abi/ interfaces (solc would demand an override of every function both declare), the
// artifacts are checked against them by TokenFixtureAbiTest instead.
// Written for restake4j; no upstream code.

import {IERC20} from "abi/common/IERC20.sol";

/// @notice The OpenZeppelin ERC-20 whose rules a fixture follows (its upstream's).
enum Generation {
    /// OpenZeppelin 3: transferFrom moves the tokens first, then spends the allowance, always
    /// (type(uint256).max too), emitting Approval; "ERC20: ..." strings; permit's ECDSA checks `v`.
    OpenZeppelin3,
    /// OpenZeppelin 4: transferFrom spends first, type(uint256).max is infinite, spending emits Approval;
    /// "ERC20: ..." strings; permit's ECDSA does not check `v` (ecrecover then yields no signer).
    OpenZeppelin4,
    /// OpenZeppelin 5: as 4 but spending emits no Approval, and permit checks `v`; such fixtures revert
    /// with the ERC-6093 errors (`revertERC6093`).
    OpenZeppelin5
}

/// @notice What an ERC-20 operation of these bases rejected; `_fail` reverts with the fixture's error.
enum Failure {
    ZeroSender,
    ZeroReceiver,
    TransferExceedsBalance,
    BurnExceedsBalance,
    MintToZero,
    ZeroApprover,
    ZeroSpender,
    InsufficientAllowance,
    AllowanceBelowZero
}

/// @notice Allowances: `approve`, `allowance`, the `_approve` / `_spendAllowance` hooks and `_fail`.
abstract contract FixtureAllowances {
    /// @notice `owner` set the allowance of `spender` to `value`.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @dev The rules this token follows.
    Generation internal immutable _generation;

    mapping(address owner => mapping(address spender => uint256)) private _allowances;

    constructor(Generation generation) {
        _generation = generation;
    }

    function allowance(address owner, address spender) public view returns (uint256) {
        return _allowances[owner][spender];
    }

    function approve(address spender, uint256 value) public returns (bool) {
        _approve(msg.sender, spender, value);
        return true;
    }

    /// @dev Sets the allowance and emits Approval; neither side may be the zero address.
    function _approve(address owner, address spender, uint256 value) internal {
        if (owner == address(0)) _fail(Failure.ZeroApprover, owner, 0, 0);
        if (spender == address(0)) _fail(Failure.ZeroSpender, spender, 0, 0);
        _allowances[owner][spender] = value;
        emit Approval(owner, spender, value);
    }

    /// @dev Spends `value` of `owner`'s allowance for `spender` by the generation's rules: type(uint256).max
    ///      is not spent from OpenZeppelin 4 on; spending goes through `_approve` (emits Approval) before 5.
    function _spendAllowance(address owner, address spender, uint256 value) internal {
        uint256 current = _allowances[owner][spender];
        if (current == type(uint256).max && _generation != Generation.OpenZeppelin3) return;
        if (current < value) _fail(Failure.InsufficientAllowance, spender, current, value);
        if (_generation == Generation.OpenZeppelin5) _allowances[owner][spender] = current - value;
        else _approve(owner, spender, current - value);
    }

    /// @dev Reverts for `failure` (`account`, `held` and `needed` as ERC-6093 reports them). Must revert.
    ///      This default has OpenZeppelin 3 and 4's revert strings.
    function _fail(Failure failure, address, uint256, uint256) internal view virtual {
        if (failure == Failure.ZeroSender) revert("ERC20: transfer from the zero address");
        if (failure == Failure.ZeroReceiver) revert("ERC20: transfer to the zero address");
        if (failure == Failure.TransferExceedsBalance) revert("ERC20: transfer amount exceeds balance");
        if (failure == Failure.BurnExceedsBalance) revert("ERC20: burn amount exceeds balance");
        if (failure == Failure.MintToZero) revert("ERC20: mint to the zero address");
        if (failure == Failure.ZeroApprover) revert("ERC20: approve from the zero address");
        if (failure == Failure.ZeroSpender) revert("ERC20: approve to the zero address");
        if (failure == Failure.AllowanceBelowZero) revert("ERC20: decreased allowance below zero");
        if (_generation == Generation.OpenZeppelin3) revert("ERC20: transfer amount exceeds allowance");
        revert("ERC20: insufficient allowance");
    }
}

/// @notice OpenZeppelin 3 and 4's `increaseAllowance` / `decreaseAllowance`.
abstract contract FixtureAllowanceSteps is FixtureAllowances {
    function increaseAllowance(address spender, uint256 addedValue) public returns (bool) {
        _approve(msg.sender, spender, allowance(msg.sender, spender) + addedValue);
        return true;
    }

    function decreaseAllowance(address spender, uint256 subtractedValue) public returns (bool) {
        uint256 current = allowance(msg.sender, spender);
        if (current < subtractedValue) _fail(Failure.AllowanceBelowZero, spender, current, subtractedValue);
        _approve(msg.sender, spender, current - subtractedValue);
        return true;
    }
}

/// @notice Balances, supply and metadata (kept in storage, so the getters are `view`): transfer,
///         transferFrom and the `_transfer` / `_mint` / `_burn` hooks.
abstract contract FixtureERC20 is FixtureAllowances {
    /// @notice `value` tokens moved from `from` to `to` (the zero address for mint and burn).
    event Transfer(address indexed from, address indexed to, uint256 value);

    uint8 private immutable _decimals;
    string private _name;
    string private _symbol;
    uint256 private _totalSupply;
    mapping(address account => uint256) private _balances;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        _name = name_;
        _symbol = symbol_;
        _decimals = decimals_;
    }

    function name() public view virtual returns (string memory) {
        return _name;
    }

    function symbol() public view virtual returns (string memory) {
        return _symbol;
    }

    function decimals() public view virtual returns (uint8) {
        return _decimals;
    }

    function totalSupply() public view returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) public view returns (uint256) {
        return _balances[account];
    }

    function transfer(address to, uint256 value) public returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    /// @dev OpenZeppelin 3 moves the tokens before it spends the allowance, later generations after.
    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        if (_generation == Generation.OpenZeppelin3) {
            _transfer(from, to, value);
            _spendAllowance(from, msg.sender, value);
        } else {
            _spendAllowance(from, msg.sender, value);
            _transfer(from, to, value);
        }
        return true;
    }

    /// @dev Whether a transfer from the zero address is rejected (`Failure.ZeroSender`).
    function _rejectsZeroSender() internal pure virtual returns (bool) {
        return true;
    }

    function _transfer(address from, address to, uint256 value) internal {
        if (from == address(0) && _rejectsZeroSender()) _fail(Failure.ZeroSender, from, 0, 0);
        if (to == address(0)) _fail(Failure.ZeroReceiver, to, 0, 0);
        uint256 held = _balances[from];
        if (held < value) _fail(Failure.TransferExceedsBalance, from, held, value);
        _balances[from] = held - value;
        _balances[to] += value;
        emit Transfer(from, to, value);
    }

    function _mint(address to, uint256 value) internal {
        if (to == address(0)) _fail(Failure.MintToZero, to, 0, 0);
        _totalSupply += value;
        _balances[to] += value;
        emit Transfer(address(0), to, value);
    }

    function _burn(address from, uint256 value) internal {
        uint256 held = _balances[from];
        if (held < value) _fail(Failure.BurnExceedsBalance, from, held, value);
        _balances[from] = held - value;
        _totalSupply -= value;
        emit Transfer(from, address(0), value);
    }
}

/// @notice Reverts for `failure` with the ERC-6093 custom errors of abi/common/IERC20.sol: the `_fail` of
///         the fixtures that follow OpenZeppelin 5 (a free function, so that only they list the errors).
function revertERC6093(Failure failure, address account, uint256 held, uint256 needed) pure {
    if (failure == Failure.ZeroSender) revert IERC20.ERC20InvalidSender(account);
    if (failure == Failure.ZeroReceiver || failure == Failure.MintToZero) revert IERC20.ERC20InvalidReceiver(account);
    if (failure == Failure.ZeroApprover) revert IERC20.ERC20InvalidApprover(account);
    if (failure == Failure.ZeroSpender) revert IERC20.ERC20InvalidSpender(account);
    // AllowanceBelowZero: no fixture of this kind has decreaseAllowance.
    if (failure == Failure.InsufficientAllowance || failure == Failure.AllowanceBelowZero) {
        revert IERC20.ERC20InsufficientAllowance(account, held, needed);
    }
    revert IERC20.ERC20InsufficientBalance(account, held, needed);
}

/// @notice What a permit of FixtureERC20Permit rejected; `_failPermit` reverts with the fixture's error.
enum PermitFailure {
    Expired,
    InvalidS,
    InvalidV,
    NoSigner,
    WrongSigner
}

/// @notice EIP-2612 permit, ECDSA only (no EIP-1271), with the EIP-712 domain (`domainName`, "1", chain id,
///         this contract); the separator is computed on every call, so it follows a fork's chain id.
abstract contract FixtureERC20Permit is FixtureAllowances {
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    /// @dev Upper bound for `s` in a non-malleable signature (secp256k1n / 2).
    uint256 private constant MAX_S = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    bytes32 private immutable _domainNameHash;
    mapping(address owner => uint256) private _nonces;

    constructor(string memory domainName) {
        _domainNameHash = keccak256(bytes(domainName));
    }

    function nonces(address owner) public view returns (uint256) {
        return _nonces[owner];
    }

    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, _domainNameHash, keccak256("1"), block.chainid, address(this)));
    }

    /// @dev Checks in OpenZeppelin's order: deadline, `s`, `v` (OpenZeppelin 3 and 5), the recovered signer.
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        public
    {
        if (block.timestamp > deadline) _failPermit(PermitFailure.Expired, address(0), owner, deadline);
        uint256 nonce = _nonces[owner];
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR(), structHash));
        if (uint256(s) > MAX_S) _failPermit(PermitFailure.InvalidS, address(0), owner, deadline);
        if (v != 27 && v != 28 && _generation != Generation.OpenZeppelin4) {
            _failPermit(PermitFailure.InvalidV, address(0), owner, deadline);
        }
        address signer = ecrecover(digest, v, r, s);
        if (signer == address(0)) _failPermit(PermitFailure.NoSigner, signer, owner, deadline);
        if (signer != owner) _failPermit(PermitFailure.WrongSigner, signer, owner, deadline);
        _nonces[owner] = nonce + 1;
        _approve(owner, spender, value);
    }

    /// @dev Reverts for `failure` (`signer`: the recovered one, else 0). Must revert. This default has
    ///      OpenZeppelin 3 and 4's ERC20Permit and ECDSA strings.
    function _failPermit(PermitFailure failure, address, address, uint256) internal pure virtual {
        if (failure == PermitFailure.Expired) revert("ERC20Permit: expired deadline");
        if (failure == PermitFailure.InvalidS) revert("ECDSA: invalid signature 's' value");
        if (failure == PermitFailure.InvalidV) revert("ECDSA: invalid signature 'v' value");
        if (failure == PermitFailure.NoSigner) revert("ECDSA: invalid signature");
        revert("ERC20Permit: invalid signature");
    }
}
