package io.restake4j;

import static io.restake4j.testing.DevnetAccounts.balance;
import static io.restake4j.testing.DevnetAccounts.fresh;
import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

import com.sun.net.httpserver.HttpServer;

import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.testing.Vault4626;
import io.restake4j.eigenlayer.DelegationApproval;
import io.restake4j.eigenlayer.DelegationApprovalRequest;
import io.restake4j.eigenlayer.DepositRequest;
import io.restake4j.eigenlayer.DepositSignature;
import io.restake4j.eigenlayer.EigenPods;
import io.restake4j.eigenlayer.PendingWithdrawal;
import io.restake4j.eigenlayer.ReceiveAs;
import io.restake4j.eigenlayer.rewards.RewardsClaim;
import io.restake4j.eigenlayer.rewards.RewardsEarnings;
import io.restake4j.eigenlayer.rewards.RewardsProof;
import io.restake4j.eigenlayer.rewards.RewardsTree;
import io.restake4j.eigenlayer.rewards.TokenLeaf;
import io.restake4j.eip712.Signature;
import io.restake4j.errors.ChainMismatchException;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InsufficientFundsException;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.RpcException;
import io.restake4j.network.Network;
import io.restake4j.rpc.RetryPolicy;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tokens.ApprovalPolicy;
import io.restake4j.units.Amount;
import io.restake4j.units.Shares;
import io.restake4j.units.Token;

/**
 * Issue 12's bad-input suite: well over a hundred distinct bad inputs across every facade of {@link Restaking}
 * (amount grammar and bounds, addresses and checksums, tokens and decimals, chain mismatch, the builder, signers
 * and keystores, protocol preconditions, transactions, malformed node answers), each fed to a real call (writes
 * are {@code send()}, the way a user would) and each asserting the refusal's {@link ErrorCode} (or, for a node that
 * answers garbage, the {@link RpcException} naming the method), and that nothing was sent: the watched account's
 * pending nonce and the devnet's block number are the same before and after. The last test prints the count.
 *
 * <p>Where the SDK does not yet give the code a user should get, the case states the code it should give and
 * fails until the SDK does; a case that would send (a bad input accepted) runs on an account of its own.
 */
@DevnetTest
class BadInputSuiteIT {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final String EL_STETH_SHARES = "EigenLayer stETH strategy shares";
    private static final Instant PAST = Instant.parse("2020-01-01T00:00:00Z");

    // accounts and their clients, made once for the class
    private static Devnet devnet;
    private static Credentials alice;
    private static Credentials bob;
    private static Credentials operator;
    private static Credentials approvedOperator;
    private static Credentials approver;
    private static Credentials poor;
    private static Credentials mismatchHolder;
    private static Credentials claimerSetter;
    private static final List<Restaking> CLIENTS = new ArrayList<>();
    private static Restaking a;        // alice: the account most cases act for
    private static Restaking b;        // bob: not delegated, holds stETH, one pending Lido request
    private static Restaking op;       // an EigenLayer operator
    private static Restaking poorest;  // holds 1 ETH and nothing else
    private static FakeNode node;
    private static Restaking nodeClient;

    // what the setup made
    private static Token stEth;
    private static Token wstEth;
    private static Token eEth;
    private static Token weEth;
    private static Token rEth;
    private static Token elStEth;
    private static Token busd;
    private static Token vaultShares;
    private static String vault;
    private static String elStrategy;
    private static String eigenStrategy;
    private static BigInteger lidoPending;
    private static BigInteger lidoClaimed;
    private static BigInteger bobsLidoRequest;
    private static BigInteger etherFiPending;
    private static BigInteger etherFiClaimed;
    private static String minedHash;
    private static PendingWithdrawal queued;
    private static RewardsProof claimedProof;
    private static RewardsProof inactiveProof;
    private static RewardsProof bobsProof;
    private static RewardsProof unpostedProof;
    private static Path keys;

    @BeforeAll
    static void setUp(Devnet net) throws Exception {
        devnet = net;
        alice = fresh(devnet, 0xBAD00, 1000);
        bob = fresh(devnet, 0xBAD01, 100);
        operator = fresh(devnet, 0xBAD02, 10);
        approvedOperator = fresh(devnet, 0xBAD03, 10);
        approver = fresh(devnet, 0xBAD04, 1);
        poor = fresh(devnet, 0xBAD05, 1);
        mismatchHolder = fresh(devnet, 0xBAD06, 10);
        claimerSetter = fresh(devnet, 0xBAD07, 10);
        a = keep(DevnetClients.client(devnet, alice));
        b = keep(DevnetClients.client(devnet, bob));
        op = keep(DevnetClients.client(devnet, operator));
        poorest = keep(DevnetClients.client(devnet, poor));
        node = new FakeNode();
        nodeClient = keep(Restaking.builder().rpc(node.url()).network(DevnetClients.network(devnet))
                .signer(Signer.of(alice)).retryPolicy(RetryPolicy.none()).broadcastAttempts(1).build());

        // Lido: stETH, wstETH, a claimed request, a pending one, and one of bob's
        stEth = a.lido().stETH();
        wstEth = a.lido().wstETH();
        minedHash = a.lido().stake(eth("20")).send().transactionHashes().get(0);
        a.lido().wrap(of("5", stEth)).send();
        lidoClaimed = a.lido().withdrawals().request(of("1", stEth)).send().requestIds().get(0);
        devnet.lido().finalizeAll();
        a.lido().withdrawals().claimIds(lidoClaimed).send();
        lidoPending = a.lido().withdrawals().request(of("1", stEth)).send().requestIds().get(0);
        b.lido().stake(eth("3")).send();
        bobsLidoRequest = b.lido().withdrawals().request(of("1", stEth)).send().requestIds().get(0);

        // ether.fi: the same shape
        eEth = a.etherFi().eETH();
        weEth = a.etherFi().weETH();
        a.etherFi().stake(eth("10")).send();
        a.etherFi().wrap(of("1", eEth)).send();
        etherFiClaimed = a.etherFi().withdrawals().request(of("1", eEth)).send().requestIds().get(0);
        devnet.etherFi().finalizeAll();
        a.etherFi().withdrawals().claimIds(etherFiClaimed).send();
        etherFiPending = a.etherFi().withdrawals().request(of("1", eEth)).send().requestIds().get(0);

        // Rocket Pool: some rETH
        rEth = a.rocketPool().rETH();
        a.rocketPool().deposit(eth("1")).send();

        // a 6-decimal asset in a capped vault (cap 200, alice holds 100 of it in the vault and 900 outside)
        TestToken asset = devnet.deployToken("Bad Dollar", "BUSD", 6);
        asset.send_mint(alice.getAddress(), BigInteger.valueOf(1000).multiply(BigInteger.TEN.pow(6))).send();
        Vault4626 v = Vault4626.deploy(devnet.web3j(), devnet.transactionManager(bob), devnet.gasProvider(),
                asset.getContractAddress(), BigInteger.valueOf(3), "Bad Dollar shares", "vBUSD").send();
        vault = v.getContractAddress();
        busd = a.erc4626(vault).asset();
        vaultShares = a.erc4626(vault).shareToken();
        a.erc4626(vault).deposit(of("100", busd)).send();
        v.send_setDepositCap(BigInteger.valueOf(200).multiply(BigInteger.TEN.pow(6))).send();

        // EigenLayer: 50 stETH deposited, delegated, a pod, a claimed and a not-yet-active rewards root
        EigenLayerDevnet el = devnet.eigenLayer();
        elStEth = Token.erc20(el.stETH(), "stETH", 18);
        elStrategy = el.stETHStrategy();
        eigenStrategy = el.eigenStrategy();
        el.stakeStETHFor(alice.getAddress(), ETHER.multiply(BigInteger.valueOf(100)));
        el.stakeStETHFor(mismatchHolder.getAddress(), ETHER.multiply(BigInteger.TEN));
        a.eigenLayer().deposit(of("50", elStEth)).send();
        el.registerOperator(operator, null);
        el.registerOperator(approvedOperator, approver.getAddress());
        a.eigenLayer().delegateTo(operator.getAddress()).send();
        a.eigenLayer().pods().create().send();
        rewards(el);
        // last, so that no later setup transaction brings it closer to completable
        queued = a.eigenLayer().withdrawals().queue(of("1", elStEth)).send().withdrawals().get(0);

        keys = Files.createTempDirectory("bad-input-keys");
    }

    /** Root A (alice 10, bob 5 stETH) posted, active and claimed by alice; root B posted, not active yet; root C never posted. */
    private static void rewards(EigenLayerDevnet el) throws Exception {
        RewardsTree first = RewardsTree.build(RewardsEarnings.builder()
                .add(alice.getAddress(), elStEth.address(), ETHER.multiply(BigInteger.TEN))
                .add(bob.getAddress(), elStEth.address(), ETHER.multiply(BigInteger.valueOf(5))).build());
        el.stakeStETHFor(el.rewardsCoordinator(), ETHER.multiply(BigInteger.valueOf(15)));
        long firstIndex = el.postRewardsRoot(first.root(), now() - 1);
        devnet.advanceTime(el.rewardsActivationDelay().plusSeconds(1));
        claimedProof = new RewardsProof(first.root(), first.claim(firstIndex, alice.getAddress()));
        bobsProof = new RewardsProof(first.root(), first.claim(firstIndex, bob.getAddress()));
        a.eigenLayer().rewards().claim(claimedProof, alice.getAddress()).send();
        RewardsTree second = RewardsTree.build(RewardsEarnings.builder()
                .add(alice.getAddress(), elStEth.address(), ETHER.multiply(BigInteger.valueOf(20))).build());
        long secondIndex = el.postRewardsRoot(second.root(), now() - 1);
        inactiveProof = new RewardsProof(second.root(), second.claim(secondIndex, alice.getAddress()));
        RewardsTree never = RewardsTree.build(RewardsEarnings.builder()
                .add(alice.getAddress(), elStEth.address(), ETHER.multiply(BigInteger.valueOf(7))).build());
        unpostedProof = new RewardsProof(never.root(), never.claim(secondIndex + 1, alice.getAddress()));
    }

    private static long now() throws IOException {
        return devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp()
                .longValueExact();
    }

    @AfterAll
    static void tearDown() {
        CLIENTS.forEach(Restaking::close);
        CLIENTS.clear();
        if (node != null) {
            node.close();
        }
    }

    private static Restaking keep(Restaking client) {
        CLIENTS.add(client);
        return client;
    }

    // =============================================================================================
    // The table and its runner
    // =============================================================================================

    /** A call fed one bad input. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** What a case must raise: a type, and its code (refusals) or its method, status and message (node failures). */
    private record Expect(Class<? extends Throwable> type, ErrorCode code, String method, Integer httpStatus,
            Integer jsonRpcCode, String messagePart) {

        void check(Throwable thrown) {
            assertNotNull(thrown, "accepted: nothing was thrown, expected " + this);
            assertTrue(type.isInstance(thrown), () -> "expected " + this + " but got " + describe(thrown));
            if (code != null) {
                assertEquals(code, ((InvalidInputException) thrown).code(), () -> "wrong code: " + describe(thrown));
            }
            if (method != null) {
                RpcException rpc = (RpcException) thrown;
                assertEquals(Optional.of(method), rpc.method(), () -> "wrong method: " + describe(thrown));
                if (httpStatus != null) {
                    assertEquals(httpStatus, rpc.httpStatus().orElse(-1), () -> "wrong HTTP status: " + describe(thrown));
                }
                if (jsonRpcCode != null) {
                    assertEquals(jsonRpcCode, rpc.jsonRpcCode().orElse(0), () -> "wrong JSON-RPC code: " + describe(thrown));
                }
            }
            if (messagePart != null) {
                assertTrue(String.valueOf(thrown.getMessage()).contains(messagePart),
                        () -> "expected '" + messagePart + "' in: " + describe(thrown));
            }
        }

        @Override
        public String toString() {
            return type.getSimpleName() + (code == null ? "" : " " + code) + (method == null ? "" : " of " + method)
                    + (httpStatus == null ? "" : " HTTP " + httpStatus) + (jsonRpcCode == null ? "" : " code " + jsonRpcCode);
        }
    }

    private static String describe(Throwable t) {
        String code = t instanceof InvalidInputException i ? " " + i.code() : "";
        String rpc = t instanceof RpcException r ? " method=" + r.method().orElse("?") + " http=" + r.httpStatus()
                + " json-rpc=" + r.jsonRpcCode() : "";
        return t.getClass().getSimpleName() + code + rpc + ": " + t.getMessage();
    }

    private static Expect code(ErrorCode code) {
        return new Expect(InvalidInputException.class, code, null, null, null, null);
    }

    private static Expect funds(ErrorCode code) {
        return new Expect(InsufficientFundsException.class, code, null, null, null, null);
    }

    private static Expect chain() {
        return new Expect(ChainMismatchException.class, ErrorCode.CHAIN_MISMATCH, null, null, null, null);
    }

    private static Expect rpc(String method, Integer httpStatus, Integer jsonRpcCode, String messagePart) {
        return new Expect(RpcException.class, null, method, httpStatus, jsonRpcCode, messagePart);
    }

    /** One row: a name, what it must raise, the call; the account whose nonce is watched; state made for it alone. */
    private static final class Case {
        final String name;
        final Expect expect;
        final Action action;
        Credentials watched = null;
        Action arrange = () -> { };
        Action restore = () -> { };
        Consumer<Throwable> then = t -> { };

        Case(String name, Expect expect, Action action) {
            this.name = name;
            this.expect = expect;
            this.action = action;
        }

        /** The nonce watched is {@code account}'s (default alice's). */
        Case watching(Credentials account) {
            this.watched = account;
            return this;
        }

        /** Chain state this case needs, made before its baseline and undone after it. */
        Case arranged(Action make, Action undo) {
            this.arrange = make;
            this.restore = undo;
            return this;
        }

        /** More to assert of the exception (figures of an InsufficientFundsException, say). */
        Case then(Consumer<Throwable> more) {
            this.then = more;
            return this;
        }
    }

    private final List<Case> cases = new ArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private int ran;

    private Case add(String name, Expect expect, Action action) {
        Case c = new Case(name, expect, action);
        cases.add(c);
        return c;
    }

    @TestFactory
    Stream<DynamicTest> badInputs() {
        amounts();
        addresses();
        tokens();
        chainMismatch();
        builder();
        signersAndKeystores();
        lido();
        etherFi();
        rocketPool();
        vaults();
        eigenLayerDeposits();
        delegation();
        withdrawals();
        rewardsAndPods();
        transactions();
        malformedNodeAnswers();
        arrangedState();
        sendingHazards();   // last: today some of these send, each from an account of its own
        Set<String> names = new HashSet<>();
        cases.forEach(c -> assertTrue(names.add(c.name), "duplicate case " + c.name));
        return Stream.concat(cases.stream().map(c -> dynamicTest(c.name, () -> run(c))),
                Stream.of(dynamicTest("count", this::count)));
    }

    private void run(Case c) throws Exception {
        Credentials who = c.watched == null ? alice : c.watched;
        c.arrange.run();
        try {
            BigInteger nonceBefore = nonce(devnet, who);
            BigInteger blockBefore = devnet.blockNumber();
            Throwable thrown = null;
            try {
                c.action.run();
            } catch (Throwable t) {
                thrown = t;
            }
            BigInteger nonceAfter = nonce(devnet, who);
            BigInteger blockAfter = devnet.blockNumber();
            ran++;
            if (!nonceAfter.equals(nonceBefore) || !blockAfter.equals(blockBefore)) {
                sent.add(c.name);
            }
            Throwable got = thrown;
            assertAll(c.name,
                    () -> assertEquals(nonceBefore, nonceAfter, "the nonce of " + who.getAddress() + " moved: something was sent"),
                    () -> assertEquals(blockBefore, blockAfter, "a block was mined: something was sent"),
                    () -> c.expect.check(got),
                    () -> c.then.accept(got));
        } finally {
            c.restore.run();
        }
    }

    private void count() {
        assertEquals(cases.size(), ran, "every case ran");
        System.out.println("bad-input suite: " + ran + " cases, " + (sent.isEmpty() ? "none sent" : sent.size() + " sent: " + sent));
        assertTrue(sent.isEmpty(), "these cases sent something: " + sent);
        assertTrue(ran >= 100, "at least 100 cases, ran " + ran);
    }

    // =============================================================================================
    // Amount grammar and bounds
    // =============================================================================================

    private void amounts() {
        for (String text : List.of(" 1", "1 ", "1_0", "1,000", "-1", "+1", "1e3", "1.", ".5", "0x10", "1.2.3", "\u0661", "NaN",
                "1 000", "Infinity")) {
            add("amount: '" + text + "' is malformed", code(ErrorCode.MALFORMED_AMOUNT), () -> Amount.parse(text, Token.ETH));
        }
        add("amount: '' is missing", code(ErrorCode.MISSING), () -> Amount.parse("", Token.ETH));
        add("amount: null is missing", code(ErrorCode.MISSING), () -> Amount.parse(null, Token.ETH));
        add("amount: 19 decimals of ETH", code(ErrorCode.TOO_PRECISE), () -> Amount.parse("0.0000000000000000001", Token.ETH));
        add("amount: 7 decimals of a 6-decimal token", code(ErrorCode.TOO_PRECISE), () -> Amount.parse("1.1234567", busd));
        add("amount: a fraction of a 0-decimal token", code(ErrorCode.TOO_PRECISE),
                () -> Amount.parse("1.5", Token.erc20("0x1111111111111111111111111111111111111111", "WHOLE", 0)));
        add("amount: above uint256 as text", code(ErrorCode.OUT_OF_RANGE),
                () -> Amount.parse("1" + "0".repeat(78), Token.ETH));
        add("amount: negative wei", code(ErrorCode.NOT_POSITIVE), () -> Amount.ofWei(BigInteger.ONE.negate(), Token.ETH));
        add("amount: 2^256 wei", code(ErrorCode.OUT_OF_RANGE), () -> Amount.ofWei(BigInteger.TWO.pow(256), Token.ETH));
        add("amount: negative decimal", code(ErrorCode.NOT_POSITIVE), () -> Amount.of(new java.math.BigDecimal("-0.5"), Token.ETH));
        add("amount: 1 - 2 goes below zero", code(ErrorCode.OUT_OF_RANGE), () -> eth("1").minus(eth("2")));
        add("amount: ETH plus stETH", code(ErrorCode.WRONG_TOKEN), () -> eth("1").plus(of("1", stEth)));
    }

    // =============================================================================================
    // Addresses and checksums
    // =============================================================================================

    private void addresses() {
        String bobSum = Keys.toChecksumAddress(bob.getAddress());
        Amount oneSt = of("1", stEth);
        add("address: recipient too short", code(ErrorCode.MALFORMED_ADDRESS), () -> a.tokens().transfer(oneSt, "0x1234").send());
        add("address: recipient 41 digits", code(ErrorCode.MALFORMED_ADDRESS),
                () -> a.tokens().transfer(oneSt, bob.getAddress() + "0").send());
        add("address: recipient not hex", code(ErrorCode.MALFORMED_ADDRESS),
                () -> a.tokens().transfer(oneSt, "0x" + "g".repeat(40)).send());
        add("address: recipient without 0x", code(ErrorCode.MALFORMED_ADDRESS),
                () -> a.tokens().transfer(oneSt, bob.getAddress().substring(2)).send());
        add("address: recipient is the zero address", code(ErrorCode.ZERO_ADDRESS), () -> a.tokens().transfer(oneSt, ZERO).send());
        add("address: recipient with one letter's case flipped", code(ErrorCode.BAD_CHECKSUM),
                () -> a.tokens().transfer(oneSt, flip(bobSum)).send());
        add("address: recipient null", code(ErrorCode.MISSING), () -> a.tokens().transfer(oneSt, null).send());
        // all-lower and all-upper carry no checksum and pass: the refusal is the balance, found later
        add("address: all-lower recipient passes, the balance does not", funds(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.tokens().transfer(of("100000", stEth), bob.getAddress().toLowerCase()).send());
        add("address: all-upper recipient passes, the balance does not", funds(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.tokens().transfer(of("100000", stEth), "0x" + bob.getAddress().substring(2).toUpperCase()).send());
        add("address: spender with a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> a.tokens().approve(oneSt, flip(bobSum)).send());
        add("address: spender is the zero address", code(ErrorCode.ZERO_ADDRESS), () -> a.tokens().approve(oneSt, ZERO).send());
        add("address: unlimited approval to a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> a.tokens().approveUnlimited(stEth, flip(bobSum)).send());
        add("address: transferFrom owner malformed", code(ErrorCode.MALFORMED_ADDRESS),
                () -> a.tokens().transferFrom(oneSt, "0xabc", alice.getAddress()).send());
        add("address: balance of the zero address", code(ErrorCode.ZERO_ADDRESS), () -> a.tokens().balance(stEth, ZERO));
        add("address: token with a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> a.tokens().token(flip(Keys.toChecksumAddress(stEth.address()))));
        add("address: Token.erc20 with a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> Token.erc20(flip(Keys.toChecksumAddress(stEth.address())), "stETH", 18));
        add("address: Token.erc20 malformed", code(ErrorCode.MALFORMED_ADDRESS), () -> Token.erc20("0x12", "X", 18));
        add("address: Lido referral with a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> a.lido().stake(eth("1"), flip(bobSum)).send());
        add("address: Lido referral malformed", code(ErrorCode.MALFORMED_ADDRESS), () -> a.lido().stake(eth("1"), "0x1").send());
        add("address: ether.fi referral with a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> a.etherFi().stake(eth("1"), flip(bobSum)).send());
        add("address: Lido transferAll to a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> a.lido().transferAll(flip(bobSum)).send());
        add("address: Lido transferShares to a non-hex address", code(ErrorCode.MALFORMED_ADDRESS),
                () -> a.lido().transferShares(BigInteger.ONE, "0x" + "z".repeat(40)).send());
        add("address: Lido positions of a short address", code(ErrorCode.MALFORMED_ADDRESS), () -> a.lido().positions("0x12"));
        add("address: ether.fi pending of the zero address", code(ErrorCode.ZERO_ADDRESS),
                () -> a.etherFi().withdrawals().pending(ZERO));
        add("address: Rocket Pool positions of a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> a.rocketPool().positions(flip(bobSum)));
        add("address: EigenLayer positions of a short address", code(ErrorCode.MALFORMED_ADDRESS),
                () -> a.eigenLayer().positions("0xabc"));
        add("address: EigenLayer operator with a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> b.eigenLayer().delegateTo(flip(Keys.toChecksumAddress(operator.getAddress()))).send());
        add("address: EigenLayer operator is the zero address", code(ErrorCode.ZERO_ADDRESS),
                () -> b.eigenLayer().delegateTo(ZERO).send());
        add("address: EigenLayer strategy malformed", code(ErrorCode.MALFORMED_ADDRESS),
                () -> a.eigenLayer().deposit(of("1", elStEth), "0x1234", ApprovalPolicy.EXACT).send());
        add("address: queueShares strategy with a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> a.eigenLayer().withdrawals().queueShares(flip(Keys.toChecksumAddress(elStrategy)),
                        Shares.of(BigInteger.ONE, EL_STETH_SHARES)).send());
        add("address: queueAll of the zero strategy", code(ErrorCode.ZERO_ADDRESS),
                () -> a.eigenLayer().withdrawals().queueAll(ZERO).send());
        add("address: rewards claimer of the zero address", code(ErrorCode.ZERO_ADDRESS), () -> a.eigenLayer().rewards().claimerOf(ZERO));
        add("address: vault with a flipped checksum", code(ErrorCode.BAD_CHECKSUM), () -> a.erc4626(flip(Keys.toChecksumAddress(vault))));
        add("address: vault is the zero address", code(ErrorCode.ZERO_ADDRESS), () -> a.erc4626(ZERO));
        add("address: vault limits of a short address", code(ErrorCode.MALFORMED_ADDRESS), () -> a.erc4626(vault).limits("0x12"));
        add("address: pod withdrawal credentials of a short address", code(ErrorCode.MALFORMED_ADDRESS),
                () -> EigenPods.withdrawalCredentials("0x12"));
    }

    // =============================================================================================
    // Tokens and decimals
    // =============================================================================================

    private void tokens() {
        add("token: an account without code is no token", code(ErrorCode.UNKNOWN_DEPLOYMENT), () -> a.tokens().token(bob.getAddress()));
        add("token: Multicall3 is no ERC-20", code(ErrorCode.UNKNOWN_DEPLOYMENT), () -> a.tokens().token(Devnet.MULTICALL3_ADDRESS));
        add("token: the zero address", code(ErrorCode.ZERO_ADDRESS), () -> a.tokens().token(ZERO));
        add("token: decimals above 77", code(ErrorCode.OUT_OF_RANGE), () -> Token.erc20(stEth.address(), "stETH", 78));
        add("token: negative decimals", code(ErrorCode.OUT_OF_RANGE), () -> Token.erc20(stEth.address(), "stETH", -1));
        add("token: ETH balance through tokens()", code(ErrorCode.WRONG_TOKEN), () -> a.tokens().balance(Token.ETH, alice.getAddress()));
        add("token: ETH transfer through tokens()", code(ErrorCode.WRONG_TOKEN), () -> a.tokens().transfer(eth("1"), bob.getAddress()).send());
        add("token: ETH approval", code(ErrorCode.WRONG_TOKEN), () -> a.tokens().approve(eth("1"), bob.getAddress()).send());
        add("token: ETH permit", code(ErrorCode.WRONG_TOKEN),
                () -> a.tokens().signPermit(eth("1"), bob.getAddress(), Instant.now().plusSeconds(600)));
        add("token: permit of a token without EIP-2612 (rETH)", code(ErrorCode.WRONG_TOKEN),
                () -> a.tokens().signPermit(of("0.1", rEth), bob.getAddress(), Instant.now().plusSeconds(600)));
        add("token: transfer of zero", code(ErrorCode.NOT_POSITIVE), () -> a.tokens().transfer(Amount.zero(stEth), bob.getAddress()).send());
        add("token: transfer of null", code(ErrorCode.MISSING), () -> a.tokens().transfer(null, bob.getAddress()).send());
        add("token: approval of null", code(ErrorCode.MISSING), () -> a.tokens().approve(null, bob.getAddress()).send());
        add("token: permit of zero", code(ErrorCode.NOT_POSITIVE),
                () -> a.tokens().signPermit(Amount.zero(stEth), bob.getAddress(), Instant.now().plusSeconds(600)));
        add("token: permit with a past deadline", code(ErrorCode.EXPIRED), () -> a.tokens().signPermit(of("1", stEth), bob.getAddress(), PAST));
        add("token: transfer over the balance", funds(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.tokens().transfer(of("1000", stEth), bob.getAddress()).send())
                .then(t -> assertFigures(t, of("1000", stEth), a.tokens().balance(stEth, alice.getAddress())));
        add("token: transfer of a token never held (wstETH from bob)", funds(ErrorCode.INSUFFICIENT_BALANCE),
                () -> b.tokens().transfer(of("1", wstEth), alice.getAddress()).send()).watching(bob);
        add("token: transferFrom without an allowance", funds(ErrorCode.INSUFFICIENT_ALLOWANCE),
                () -> a.tokens().transferFrom(of("1", stEth), bob.getAddress(), alice.getAddress()).send())
                .then(t -> assertFigures(t, of("1", stEth), Amount.zero(stEth)));
        add("token: transferFrom an owner who holds none", funds(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.tokens().transferFrom(of("1", stEth), poor.getAddress(), alice.getAddress()).send());
    }

    /** An InsufficientFundsException's needed and held figures. */
    private static void assertFigures(Throwable t, Amount needed, Amount held) {
        InsufficientFundsException e = (InsufficientFundsException) t;
        assertEquals(needed, e.needed(), "needed");
        assertEquals(held, e.held(), "held");
    }

    // =============================================================================================
    // Chain mismatch and the builder
    // =============================================================================================

    private void chainMismatch() {
        Restaking wrong = keep(Restaking.builder().network(Network.of("x", 1, devnet.addresses().asMap()))
                .signer(Signer.of(alice)).rpc(devnet.rpcUrl()).build());
        Restaking wrongReadOnly = keep(Restaking.builder().network(Network.of("x", 1, devnet.addresses().asMap()))
                .readOnlyAccount(alice.getAddress()).rpc(devnet.rpcUrl()).build());
        Restaking mainnet = keep(Restaking.builder().network(Network.mainnet()).signer(Signer.of(alice)).rpc(devnet.rpcUrl()).build());
        add("chain: verifyChain on chain 1's network", chain(), wrong::verifyChain);
        add("chain: token balance read", chain(), () -> wrong.tokens().balance(stEth, alice.getAddress()));
        add("chain: token metadata read (read-only client)", chain(), () -> wrongReadOnly.tokens().token(stEth.address()));
        add("chain: Lido rates read", chain(), () -> wrong.lido().rates());
        add("chain: EigenLayer positions read", chain(), () -> wrong.eigenLayer().positions());
        add("chain: ether.fi pending read (eth_getLogs)", chain(), () -> wrong.etherFi().withdrawals().pending());
        add("chain: Lido stake send", chain(), () -> wrong.lido().stake(eth("1")).send());
        add("chain: token transfer send", chain(), () -> wrong.tokens().transfer(of("1", stEth), bob.getAddress()).send());
        add("chain: Rocket Pool deposit preview", chain(), () -> wrong.rocketPool().deposit(eth("1")).preview());
        add("chain: vault deposit preview (read-only client)", chain(), () -> wrongReadOnly.erc4626(vault).deposit(of("1", busd)).preview());
        add("chain: mainnet preset against the devnet", chain(), mainnet::verifyChain);
        add("chain: mainnet preset's Lido locator read", chain(), () -> mainnet.lido().stETH());
    }

    private void builder() {
        Restaking.Builder base = DevnetClients.builder(devnet);
        for (String url : List.of("", "ws://127.0.0.1:8545", "127.0.0.1:8545", "http://", "http://exa mple.com")) {
            add("builder: rpc '" + url + "'", code(ErrorCode.INVALID_RPC_URL), () -> Restaking.builder().rpc(url));
        }
        add("builder: rpc null", code(ErrorCode.INVALID_RPC_URL), () -> Restaking.builder().rpc(null));
        add("builder: no network", code(ErrorCode.INVALID_CONFIGURATION), () -> keep(Restaking.builder().rpc(devnet.rpcUrl()).build()));
        add("builder: neither rpc nor service", code(ErrorCode.INVALID_CONFIGURATION), () -> keep(base.build()));
        add("builder: both rpc and service", code(ErrorCode.INVALID_CONFIGURATION),
                () -> keep(DevnetClients.builder(devnet).rpc(devnet.rpcUrl()).service(new HttpService(devnet.rpcUrl())).build()));
        add("builder: read-only account with a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> Restaking.builder().readOnlyAccount(flip(Keys.toChecksumAddress(alice.getAddress()))));
        add("builder: read-only account is the zero address", code(ErrorCode.ZERO_ADDRESS), () -> Restaking.builder().readOnlyAccount(ZERO));
        add("builder: zero confirmations", code(ErrorCode.INVALID_CONFIGURATION), () -> Restaking.builder().confirmations(0));
        add("builder: network of chain 0", code(ErrorCode.INVALID_CONFIGURATION), () -> Network.of("zero", 0, Map.of()));

        Restaking noSigner = keep(DevnetClients.builder(devnet).rpc(devnet.rpcUrl()).build());
        Restaking readOnly = keep(DevnetClients.builder(devnet).rpc(devnet.rpcUrl()).readOnlyAccount(alice.getAddress()).build());
        Restaking emptyBook = keep(Restaking.builder().network(Network.of("empty", devnet.chainId(), Map.of()))
                .signer(Signer.of(alice)).rpc(devnet.rpcUrl()).build());
        Restaking eoaLocator = keep(Restaking.builder()
                .network(Network.of("eoa-locator", devnet.chainId(), Map.of("lido.LidoLocator", bob.getAddress())))
                .signer(Signer.of(alice)).rpc(devnet.rpcUrl()).build());
        add("signer: none, and a send", code(ErrorCode.NO_SIGNER), () -> noSigner.lido().stake(eth("1")).send());
        add("signer: none, and a read of the own account", code(ErrorCode.NO_SIGNER), () -> noSigner.eigenLayer().positions());
        add("signer: read-only account, and a send", code(ErrorCode.NO_SIGNER), () -> readOnly.rocketPool().deposit(eth("1")).send());
        add("signer: read-only account, and a permit", code(ErrorCode.NO_SIGNER),
                () -> readOnly.tokens().signPermit(of("1", stEth), bob.getAddress(), Instant.now().plusSeconds(600)));
        add("signer: none, and a speed-up", code(ErrorCode.NO_SIGNER), () -> noSigner.transactions().speedUp(minedHash));
        add("deployment: no ether.fi in the address book", code(ErrorCode.UNKNOWN_DEPLOYMENT), emptyBook::etherFi);
        add("deployment: no Lido in the address book", code(ErrorCode.UNKNOWN_DEPLOYMENT), () -> emptyBook.lido().stake(eth("1")).send());
        add("deployment: no EigenLayer in the address book", code(ErrorCode.UNKNOWN_DEPLOYMENT),
                () -> emptyBook.eigenLayer().deposit(of("1", elStEth)).send());
        add("deployment: no Rocket Pool in the address book", code(ErrorCode.UNKNOWN_DEPLOYMENT), () -> emptyBook.rocketPool().rates());
        add("deployment: the Lido locator is an account without code", code(ErrorCode.UNKNOWN_DEPLOYMENT),
                () -> eoaLocator.lido().rates());
    }

    // =============================================================================================
    // Signers and keystores
    // =============================================================================================

    private void signersAndKeystores() {
        String password = "correct horse";
        for (Map.Entry<String, String> key : Map.of(
                "too short", "0x1234",
                "65 digits", "0x" + "1".repeat(65),
                "not hex", "0x" + "g".repeat(64),
                "zero", "0x" + "0".repeat(64),
                "the curve order", "0x" + Sign.CURVE_PARAMS.getN().toString(16)).entrySet()) {
            add("signer: private key " + key.getKey(), code(ErrorCode.INVALID_KEY), () -> Signer.privateKey(key.getValue()));
        }
        add("signer: private key null", code(ErrorCode.INVALID_KEY), () -> Signer.privateKey(null));
        add("keystore: missing file", code(ErrorCode.INVALID_KEY), () -> Signer.keystore(keys.resolve("missing.json"), password.toCharArray()));
        add("keystore: a directory", code(ErrorCode.INVALID_KEY), () -> Signer.keystore(keys, password.toCharArray()));
        add("keystore: not JSON", code(ErrorCode.INVALID_KEY), () -> Signer.keystore(write("not-json.json", "hello"), password.toCharArray()));
        add("keystore: JSON but no V3 keystore", code(ErrorCode.INVALID_KEY), () -> Signer.keystore(write("empty.json", "{}"), password.toCharArray()));
        add("keystore: wrong password", code(ErrorCode.INVALID_KEY),
                () -> Signer.keystore(keystore("good.json", password, false), "wrong".toCharArray()));
        add("keystore: recorded address is not the key's", code(ErrorCode.INVALID_KEY),
                () -> Signer.keystore(keystore("tampered.json", password, true), password.toCharArray()));
        add("signer: typed data not JSON", code(ErrorCode.INVALID_ARGUMENT), () -> Signer.of(alice).signTypedData("{"));
        add("signer: typed data without fields", code(ErrorCode.INVALID_ARGUMENT), () -> Signer.of(alice).signTypedData("{}"));
        add("signature: 2 bytes of hex", code(ErrorCode.MALFORMED_BYTES), () -> Signature.fromHex("0x1234"));
        add("signature: v of 5", code(ErrorCode.BAD_SIGNATURE), () -> Signature.fromBytes(withV(5)));
        add("signature: r of zero", code(ErrorCode.BAD_SIGNATURE), () -> Signature.of(new byte[32], new byte[32], 27));
        add("delegation approval: salt of 31 bytes", code(ErrorCode.MALFORMED_BYTES),
                () -> new DelegationApprovalRequest(bob.getAddress(), operator.getAddress(), approver.getAddress(), new byte[31],
                        BigInteger.valueOf(Instant.now().plusSeconds(600).getEpochSecond())));
        add("delegation approval: expiry in the past", code(ErrorCode.EXPIRED),
                () -> DelegationApprovalRequest.of(bob.getAddress(), operator.getAddress(), approver.getAddress(), PAST));
        ECKeyPair other = ECKeyPair.create(BigInteger.valueOf(0xBAD99));
        Restaking forged = keep(DevnetClients.builder(devnet).rpc(devnet.rpcUrl())
                .signer(misbehaving(alice.getAddress(), other, false)).build());
        Restaking highS = keep(DevnetClients.builder(devnet).rpc(devnet.rpcUrl())
                .signer(misbehaving(alice.getAddress(), alice.getEcKeyPair(), true)).build());
        add("signer: signs a transaction with another key", code(ErrorCode.BAD_SIGNATURE), () -> forged.lido().stake(eth("1")).send());
        add("signer: signs a permit with a high s", code(ErrorCode.BAD_SIGNATURE),
                () -> highS.tokens().signPermit(of("1", stEth), bob.getAddress(), Instant.now().plusSeconds(600)));
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(keys.resolve(name), content);
    }

    /** A light-scrypt keystore of a fixed key; {@code tampered}: recording another account's address. */
    private static Path keystore(String name, String password, boolean tampered) throws Exception {
        WalletFile wallet = Wallet.createLight(password, ECKeyPair.create(BigInteger.valueOf(0xBAD42)));
        if (tampered) {
            wallet.setAddress(bob.getAddress().substring(2));
        }
        Path file = keys.resolve(name);
        ObjectMapperFactory.getObjectMapper().writeValue(file.toFile(), wallet);
        return file;
    }

    /** 65 signature bytes with a valid r and s (of some signature) and {@code v}. */
    private static byte[] withV(int v) {
        Sign.SignatureData s = Sign.signMessage(Hash.sha3(new byte[] {1}), alice.getEcKeyPair(), false);
        byte[] out = new byte[65];
        System.arraycopy(s.getR(), 0, out, 0, 32);
        System.arraycopy(s.getS(), 0, out, 32, 32);
        out[64] = (byte) v;
        return out;
    }

    /** A signer claiming {@code address} that signs with {@code key}, or with the high-s twin of a correct signature. */
    private static Signer misbehaving(String address, ECKeyPair key, boolean highS) {
        return new Signer() {
            @Override
            public String address() {
                return address.toLowerCase();
            }

            @Override
            public Sign.SignatureData signHash(byte[] hash) {
                Sign.SignatureData s = Sign.signMessage(hash, key, false);
                if (!highS) {
                    return s;
                }
                BigInteger high = Sign.CURVE_PARAMS.getN().subtract(new BigInteger(1, s.getS()));
                byte v = (byte) (s.getV()[0] == 27 ? 28 : 27);
                return new Sign.SignatureData(v, s.getR(), org.web3j.utils.Numeric.toBytesPadded(high, 32));
            }
        };
    }

    // =============================================================================================
    // Protocols: Lido, ether.fi, Rocket Pool, vaults
    // =============================================================================================

    private void lido() {
        add("lido: stake of zero", code(ErrorCode.NOT_POSITIVE), () -> a.lido().stake(Amount.zero(Token.ETH)).send());
        add("lido: stake of stETH", code(ErrorCode.WRONG_TOKEN), () -> a.lido().stake(of("1", stEth)).send());
        add("lido: stakeAndWrap of wstETH", code(ErrorCode.WRONG_TOKEN), () -> a.lido().stakeAndWrap(of("1", wstEth)).send());
        add("lido: stake of 10,000,000 ETH", funds(ErrorCode.INSUFFICIENT_GAS_FUNDS), () -> a.lido().stake(eth("10000000")).send());
        add("lido: stake of all but 1000 wei (value fits, value + gas does not)", funds(ErrorCode.INSUFFICIENT_GAS_FUNDS),
                () -> poorest.lido().stake(Amount.ofWei(balance(devnet, poor).subtract(BigInteger.valueOf(1000)), Token.ETH)).send())
                .watching(poor);
        add("lido: wrap of ETH", code(ErrorCode.WRONG_TOKEN), () -> a.lido().wrap(eth("1")).send());
        add("lido: wrap of wstETH", code(ErrorCode.WRONG_TOKEN), () -> a.lido().wrap(of("1", wstEth)).send());
        add("lido: wrap over the stETH balance", funds(ErrorCode.INSUFFICIENT_BALANCE), () -> a.lido().wrap(of("1000", stEth)).send());
        add("lido: unwrap of stETH", code(ErrorCode.WRONG_TOKEN), () -> a.lido().unwrap(of("1", stEth)).send());
        add("lido: unwrap over the wstETH balance", funds(ErrorCode.INSUFFICIENT_BALANCE), () -> a.lido().unwrap(of("1000", wstEth)).send());
        add("lido: transfer of zero shares", code(ErrorCode.NOT_POSITIVE), () -> a.lido().transferShares(BigInteger.ZERO, bob.getAddress()).send());
        add("lido: transfer of more shares than held", code(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.lido().transferShares(ETHER.multiply(ETHER), bob.getAddress()).send());
        add("lido: transferAll with no stETH", code(ErrorCode.INSUFFICIENT_BALANCE),
                () -> poorest.lido().transferAll(bob.getAddress()).send()).watching(poor);
        add("lido: request below the 100 wei minimum", code(ErrorCode.BELOW_MINIMUM),
                () -> a.lido().withdrawals().request(Amount.ofWei(BigInteger.valueOf(50), stEth)).send());
        add("lido: request of 1 wei of wstETH", code(ErrorCode.BELOW_MINIMUM),
                () -> a.lido().withdrawals().request(Amount.ofWei(BigInteger.ONE, wstEth)).send());
        add("lido: request over the balance", funds(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.lido().withdrawals().request(of("1000", stEth)).send());
        add("lido: request of eETH", code(ErrorCode.WRONG_TOKEN), () -> a.lido().withdrawals().request(of("1", eEth)).send());
        add("lido: request with a past permit deadline", code(ErrorCode.EXPIRED),
                () -> a.lido().withdrawals().requestWithPermit(of("1", stEth), PAST).send());
        add("lido: claim of a request not finalized", code(ErrorCode.NOT_READY), () -> a.lido().withdrawals().claimIds(lidoPending).send());
        add("lido: claim of a request claimed already", code(ErrorCode.ALREADY_DONE),
                () -> a.lido().withdrawals().claimIds(lidoClaimed).send());
        add("lido: claim of bob's request", code(ErrorCode.NOT_PERMITTED), () -> a.lido().withdrawals().claimIds(bobsLidoRequest).send());
        add("lido: claim of a request never issued", code(ErrorCode.NOT_FOUND),
                () -> a.lido().withdrawals().claimIds(BigInteger.valueOf(1_000_000)).send());
        add("lido: claim of request 0", code(ErrorCode.NOT_FOUND), () -> a.lido().withdrawals().claimIds(BigInteger.ZERO).send());
        add("lido: claim of no ids", code(ErrorCode.MISSING), () -> a.lido().withdrawals().claimIds(List.of()).send());
        add("lido: claim of no withdrawals", code(ErrorCode.MISSING), () -> a.lido().withdrawals().claim(List.of()).send());
        add("lido: claimAllReady with nothing finalized", code(ErrorCode.NOT_READY), () -> a.lido().withdrawals().claimAllReady().send());
        add("lido: request id 'twelve'", code(ErrorCode.INVALID_ARGUMENT), () -> a.lido().withdrawals().byId("twelve"));
        add("lido: request id never issued", code(ErrorCode.NOT_FOUND), () -> a.lido().withdrawals().byId(BigInteger.valueOf(1_000_000)));
        add("lido: await with a zero timeout", code(ErrorCode.NOT_POSITIVE),
                () -> a.lido().withdrawals().awaitClaimable(a.lido().withdrawals().byId(lidoPending), Duration.ZERO));
    }

    private void etherFi() {
        add("ether.fi: stake of eETH", code(ErrorCode.WRONG_TOKEN), () -> a.etherFi().stake(of("1", eEth)).send());
        add("ether.fi: stake of 10,000,000 ETH", funds(ErrorCode.INSUFFICIENT_GAS_FUNDS), () -> a.etherFi().stake(eth("10000000")).send());
        add("ether.fi: stakeAndWrap of zero", code(ErrorCode.NOT_POSITIVE), () -> a.etherFi().stakeAndWrap(Amount.zero(Token.ETH)).send());
        add("ether.fi: wrap of weETH", code(ErrorCode.WRONG_TOKEN), () -> a.etherFi().wrap(of("1", weEth)).send());
        add("ether.fi: wrap over the eETH balance", funds(ErrorCode.INSUFFICIENT_BALANCE), () -> a.etherFi().wrap(of("1000", eEth)).send());
        add("ether.fi: unwrap of eETH", code(ErrorCode.WRONG_TOKEN), () -> a.etherFi().unwrap(of("1", eEth)).send());
        add("ether.fi: unwrap over the weETH balance", funds(ErrorCode.INSUFFICIENT_BALANCE), () -> a.etherFi().unwrap(of("1000", weEth)).send());
        add("ether.fi: wrap with a past permit deadline", code(ErrorCode.EXPIRED), () -> a.etherFi().wrapWithPermit(of("1", eEth), PAST).send());
        add("ether.fi: logs from block -1", code(ErrorCode.OUT_OF_RANGE), () -> a.etherFi().withLogsFromBlock(BigInteger.ONE.negate()));
        add("ether.fi: request below the minimum", code(ErrorCode.BELOW_MINIMUM),
                () -> a.etherFi().withdrawals().request(Amount.ofWei(BigInteger.TEN.pow(14), eEth)).send());
        add("ether.fi: request over the balance", funds(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.etherFi().withdrawals().request(of("2000", eEth)).send());
        add("ether.fi: request of weETH", code(ErrorCode.WRONG_TOKEN), () -> a.etherFi().withdrawals().request(of("1", weEth)).send());
        add("ether.fi: request with a past permit deadline", code(ErrorCode.EXPIRED),
                () -> a.etherFi().withdrawals().requestWithPermit(of("1", eEth), PAST).send());
        add("ether.fi: claim of a request not finalized", code(ErrorCode.NOT_READY),
                () -> a.etherFi().withdrawals().claimIds(etherFiPending).send());
        add("ether.fi: claim of a request claimed already", code(ErrorCode.ALREADY_DONE),
                () -> a.etherFi().withdrawals().claimIds(etherFiClaimed).send());
        add("ether.fi: claim of a request never issued", code(ErrorCode.NOT_FOUND),
                () -> a.etherFi().withdrawals().claimIds(BigInteger.valueOf(1_000_000)).send());
        add("ether.fi: claimAllReady with nothing finalized", code(ErrorCode.NOT_READY), () -> a.etherFi().withdrawals().claimAllReady().send());
    }

    private void rocketPool() {
        add("rocket pool: deposit below the 0.01 ETH minimum", code(ErrorCode.BELOW_MINIMUM), () -> a.rocketPool().deposit(eth("0.001")).send());
        add("rocket pool: deposit above the room in the pool", code(ErrorCode.ABOVE_MAXIMUM), () -> a.rocketPool().deposit(eth("200")).send());
        add("rocket pool: deposit of rETH", code(ErrorCode.WRONG_TOKEN), () -> a.rocketPool().deposit(of("1", rEth)).send());
        add("rocket pool: deposit of the whole balance (value fits, value + gas does not)", funds(ErrorCode.INSUFFICIENT_GAS_FUNDS),
                () -> poorest.rocketPool().deposit(Amount.ofWei(balance(devnet, poor), Token.ETH)).send()).watching(poor);
        add("rocket pool: burn of ETH", code(ErrorCode.WRONG_TOKEN), () -> a.rocketPool().burn(eth("1")).send());
        add("rocket pool: burn of zero", code(ErrorCode.NOT_POSITIVE), () -> a.rocketPool().burn(Amount.zero(rEth)).send());
        add("rocket pool: burn over the balance", code(ErrorCode.INSUFFICIENT_BALANCE), () -> a.rocketPool().burn(of("1000", rEth)).send());
        add("rocket pool: ETH value of ETH", code(ErrorCode.WRONG_TOKEN), () -> a.rocketPool().ethValue(eth("1")));
        add("rocket pool: rETH value of rETH", code(ErrorCode.WRONG_TOKEN), () -> a.rocketPool().rethValue(of("1", rEth)));
    }

    private void vaults() {
        add("vault: deposit over the asset balance", funds(ErrorCode.INSUFFICIENT_BALANCE), () -> a.erc4626(vault).deposit(of("5000", busd)).send());
        add("vault: deposit above the cap", code(ErrorCode.ABOVE_MAXIMUM), () -> a.erc4626(vault).deposit(of("150", busd)).send());
        add("vault: deposit of shares", code(ErrorCode.WRONG_TOKEN),
                () -> a.erc4626(vault).deposit(Amount.ofWei(BigInteger.valueOf(1000), vaultShares)).send());
        add("vault: redeem of assets", code(ErrorCode.WRONG_TOKEN), () -> a.erc4626(vault).redeem(of("1", busd)).send());
        add("vault: redeem of one share wei, worth nothing", code(ErrorCode.BELOW_MINIMUM),
                () -> a.erc4626(vault).redeem(Amount.ofWei(BigInteger.ONE, vaultShares)).send());
        add("vault: redeem over the shares held", funds(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.erc4626(vault).redeem(of("1000000", vaultShares)).send());
        add("vault: withdraw over the shares' worth", funds(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.erc4626(vault).withdraw(of("500", busd)).send());
        add("vault: mint of zero", code(ErrorCode.NOT_POSITIVE), () -> a.erc4626(vault).mint(Amount.zero(vaultShares)).send());
        add("vault: convertToShares of ETH", code(ErrorCode.WRONG_TOKEN), () -> a.erc4626(vault).convertToShares(eth("1")));
        add("vault: an account without code is no vault", code(ErrorCode.UNKNOWN_DEPLOYMENT),
                () -> a.erc4626(bob.getAddress()).deposit(of("1", busd)).send());
    }

    // =============================================================================================
    // EigenLayer: deposits, delegation, withdrawals, rewards, pods
    // =============================================================================================

    private void eigenLayerDeposits() {
        Instant later = Instant.now().plusSeconds(3600);
        add("eigenlayer: deposit of ETH", code(ErrorCode.WRONG_TOKEN), () -> a.eigenLayer().deposit(eth("1")).send());
        // rETH has a strategy (as on mainnet); wstETH has none
        add("eigenlayer: deposit of a token without a strategy (wstETH)", code(ErrorCode.UNKNOWN_DEPLOYMENT),
                () -> a.eigenLayer().deposit(of("0.1", wstEth)).send());
        add("eigenlayer: deposit over the balance", funds(ErrorCode.INSUFFICIENT_BALANCE), () -> a.eigenLayer().deposit(of("1000", elStEth)).send());
        add("eigenlayer: deposit of stETH into the EIGEN strategy", code(ErrorCode.WRONG_TOKEN),
                () -> a.eigenLayer().deposit(of("1", elStEth), eigenStrategy, ApprovalPolicy.EXACT).send());
        add("eigenlayer: deposit of zero", code(ErrorCode.NOT_POSITIVE), () -> a.eigenLayer().deposit(Amount.zero(elStEth)).send());
        add("eigenlayer: deposit request expiring in the past", code(ErrorCode.EXPIRED),
                () -> a.eigenLayer().depositRequest(bob.getAddress(), of("1", elStEth), elStrategy, PAST));
        add("eigenlayer: deposit signature expiring in the past", code(ErrorCode.EXPIRED),
                () -> a.eigenLayer().signDeposit(Signer.of(bob), of("1", elStEth), elStrategy, PAST));
        add("eigenlayer: deposit with an expired consent", code(ErrorCode.EXPIRED),
                () -> a.eigenLayer().depositWithSignature(consent(BigInteger.ZERO, BigInteger.valueOf(PAST.getEpochSecond()))).send());
        add("eigenlayer: deposit with a consent for a used nonce", code(ErrorCode.BAD_SIGNATURE),
                () -> a.eigenLayer().depositWithSignature(consent(BigInteger.valueOf(5),
                        BigInteger.valueOf(later.getEpochSecond()))).send());
    }

    /** Bob's consent to a deposit of 1 stETH, with this nonce and expiry (signed over that request). */
    private static DepositSignature consent(BigInteger nonce, BigInteger expiry) {
        DepositRequest request = new DepositRequest(bob.getAddress(), elStrategy, of("1", elStEth), nonce, expiry);
        return DepositSignature.of(request, Signature.of(Sign.signMessage(Hash.sha3(new byte[] {2}), bob.getEcKeyPair(), false)));
    }

    private void delegation() {
        Instant later = Instant.now().plusSeconds(3600);
        add("delegation: alice is delegated already", code(ErrorCode.ALREADY_DONE), () -> a.eigenLayer().delegateTo(operator.getAddress()).send());
        add("delegation: redelegate to the same operator", code(ErrorCode.ALREADY_DONE),
                () -> a.eigenLayer().redelegate(operator.getAddress()).send());
        add("delegation: to an account that is no operator", code(ErrorCode.NOT_FOUND),
                () -> b.eigenLayer().delegateTo(poor.getAddress()).send()).watching(bob);
        add("delegation: to an operator with an approver, without approval", code(ErrorCode.NOT_PERMITTED),
                () -> b.eigenLayer().delegateTo(approvedOperator.getAddress()).send()).watching(bob);
        add("delegation: with an approval for another staker", code(ErrorCode.NOT_PERMITTED),
                () -> b.eigenLayer().delegateTo(approvedOperator.getAddress(),
                        approval(alice.getAddress(), approvedOperator.getAddress(), later.getEpochSecond())).send()).watching(bob);
        add("delegation: with an approval for another operator", code(ErrorCode.NOT_PERMITTED),
                () -> b.eigenLayer().delegateTo(approvedOperator.getAddress(),
                        approval(bob.getAddress(), operator.getAddress(), later.getEpochSecond())).send()).watching(bob);
        add("delegation: with an expired approval", code(ErrorCode.EXPIRED),
                () -> b.eigenLayer().delegateTo(approvedOperator.getAddress(),
                        approval(bob.getAddress(), approvedOperator.getAddress(), PAST.getEpochSecond())).send()).watching(bob);
        add("delegation: approval signed by one who is not the approver", code(ErrorCode.NOT_PERMITTED),
                () -> b.eigenLayer().signDelegationApproval(Signer.of(bob), bob.getAddress(), approvedOperator.getAddress(), later))
                .watching(bob);
        add("delegation: undelegate when not delegated", code(ErrorCode.PROTOCOL_STATE),
                () -> b.eigenLayer().undelegate().send()).watching(bob);
        add("delegation: redelegate when not delegated", code(ErrorCode.PROTOCOL_STATE),
                () -> b.eigenLayer().redelegate(operator.getAddress()).send()).watching(bob);
        add("delegation: an operator undelegates", code(ErrorCode.NOT_PERMITTED),
                () -> op.eigenLayer().undelegate().send()).watching(operator);
    }

    /** An approval (signed by the real approver over nothing in particular) naming this staker, operator and expiry. */
    private static DelegationApproval approval(String staker, String operatorAddress, long expiry) {
        DelegationApprovalRequest request = new DelegationApprovalRequest(staker, operatorAddress, approver.getAddress(), new byte[32],
                BigInteger.valueOf(expiry));
        return DelegationApproval.of(request, Signature.of(Sign.signMessage(Hash.sha3(new byte[] {3}), approver.getEcKeyPair(), false)));
    }

    private void withdrawals() {
        Shares one = Shares.of(BigInteger.ONE, EL_STETH_SHARES);
        add("withdrawal: queue more than deposited", code(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.eigenLayer().withdrawals().queue(of("1000", elStEth)).send());
        add("withdrawal: queue of ETH", code(ErrorCode.WRONG_TOKEN), () -> a.eigenLayer().withdrawals().queue(eth("1")).send());
        add("withdrawal: queue of zero", code(ErrorCode.NOT_POSITIVE), () -> a.eigenLayer().withdrawals().queue(Amount.zero(elStEth)).send());
        add("withdrawal: queueAll of a strategy without shares", code(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.eigenLayer().withdrawals().queueAll(eigenStrategy).send());
        add("withdrawal: queueAll of no strategy", code(ErrorCode.MISSING), () -> a.eigenLayer().withdrawals().queueAll().send());
        add("withdrawal: queue of no shares", code(ErrorCode.MISSING), () -> a.eigenLayer().withdrawals().queueDepositShares(Map.of()).send());
        add("withdrawal: queue of zero shares", code(ErrorCode.NOT_POSITIVE),
                () -> a.eigenLayer().withdrawals().queueDepositShares(Map.of(elStrategy, Shares.zero(EL_STETH_SHARES))).send());
        add("withdrawal: queue of shares in another unit", code(ErrorCode.WRONG_TOKEN),
                () -> a.eigenLayer().withdrawals().queueDepositShares(Map.of(elStrategy, Shares.of(BigInteger.ONE, "rETH"))).send());
        add("withdrawal: queue of more shares than held", code(ErrorCode.INSUFFICIENT_BALANCE),
                () -> a.eigenLayer().withdrawals().queueShares(elStrategy, Shares.of(ETHER.multiply(ETHER), EL_STETH_SHARES)).send());
        add("withdrawal: complete before the delay", code(ErrorCode.NOT_READY),
                () -> a.eigenLayer().withdrawals().complete(queued, ReceiveAs.TOKENS).send());
        add("withdrawal: completeAllReady before the delay", code(ErrorCode.NOT_READY),
                () -> a.eigenLayer().withdrawals().completeAllReady(ReceiveAs.TOKENS).send());
        add("withdrawal: payout tokens when completing as shares", code(ErrorCode.INVALID_ARGUMENT),
                () -> a.eigenLayer().withdrawals().complete(queued, ReceiveAs.SHARES, elStEth).send());
        add("withdrawal: complete of none", code(ErrorCode.MISSING),
                () -> a.eigenLayer().withdrawals().complete(List.of(), ReceiveAs.TOKENS).send());
        add("withdrawal: paid in a token no strategy pays", code(ErrorCode.WRONG_TOKEN),
                () -> a.eigenLayer().withdrawals().complete(queued, ReceiveAs.TOKENS, rEth).send());
        add("withdrawal: bob completes alice's", code(ErrorCode.NOT_PERMITTED),
                () -> b.eigenLayer().withdrawals().complete(queued, ReceiveAs.TOKENS).send()).watching(bob);
        add("withdrawal: root of 2 bytes", code(ErrorCode.MALFORMED_BYTES), () -> a.eigenLayer().withdrawals().byId("0x1234"));
        add("withdrawal: root never queued", code(ErrorCode.NOT_FOUND),
                () -> a.eigenLayer().withdrawals().byId("0x" + "ab".repeat(32)));
        add("withdrawal: await with a zero timeout", code(ErrorCode.NOT_POSITIVE),
                () -> a.eigenLayer().withdrawals().awaitClaimable(queued, Duration.ZERO));
        add("withdrawal: queueShares of one share of the zero strategy", code(ErrorCode.ZERO_ADDRESS),
                () -> a.eigenLayer().withdrawals().queueShares(ZERO, one).send());
    }

    private void rewardsAndPods() {
        String aliceAddress = alice.getAddress();
        add("rewards: root index -1", code(ErrorCode.NOT_POSITIVE), () -> a.eigenLayer().rewards().distributionRoot(-1));
        add("rewards: root index never posted", code(ErrorCode.NOT_FOUND), () -> a.eigenLayer().rewards().distributionRoot(10_000));
        add("rewards: claim against a root never posted", code(ErrorCode.NOT_FOUND),
                () -> a.eigenLayer().rewards().claim(unpostedProof, aliceAddress).send());
        add("rewards: claim against a root not active yet", code(ErrorCode.NOT_READY),
                () -> a.eigenLayer().rewards().claim(inactiveProof, aliceAddress).send());
        add("rewards: claim of what was claimed already", code(ErrorCode.ALREADY_DONE),
                () -> a.eigenLayer().rewards().claim(claimedProof, aliceAddress).send());
        add("rewards: alice claims bob's earnings", code(ErrorCode.NOT_PERMITTED),
                () -> a.eigenLayer().rewards().claim(bobsProof, aliceAddress).send());
        add("rewards: claim of an inflated leaf", code(ErrorCode.INVALID_ARGUMENT),
                () -> a.eigenLayer().rewards().claim(inflated(inactiveProof), aliceAddress).send());
        add("rewards: claim to a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> a.eigenLayer().rewards().claim(inactiveProof, flip(Keys.toChecksumAddress(aliceAddress))).send());
        add("rewards: proof JSON not JSON", code(ErrorCode.INVALID_ARGUMENT), () -> a.eigenLayer().rewards().claimFromJson("{", aliceAddress).send());
        add("rewards: proof JSON an array", code(ErrorCode.INVALID_ARGUMENT), () -> a.eigenLayer().rewards().claimFromJson("[]", aliceAddress).send());
        add("rewards: proof JSON without fields", code(ErrorCode.MISSING), () -> a.eigenLayer().rewards().claimFromJson("{}", aliceAddress).send());
        add("rewards: claim of no proofs", code(ErrorCode.MISSING), () -> a.eigenLayer().rewards().claimAll(List.of(), aliceAddress).send());
        add("pods: create a second pod", code(ErrorCode.ALREADY_DONE), () -> a.eigenLayer().pods().create().send());
        add("pods: pubkey of 47 bytes", code(ErrorCode.MALFORMED_BYTES),
                () -> a.eigenLayer().pods().stake(new byte[47], new byte[96], new byte[32]).send());
        add("pods: deposit signature of 95 bytes", code(ErrorCode.MALFORMED_BYTES),
                () -> a.eigenLayer().pods().stake(new byte[48], new byte[95], new byte[32]).send());
        add("pods: deposit data root of 31 bytes", code(ErrorCode.MALFORMED_BYTES),
                () -> a.eigenLayer().pods().stake(new byte[48], new byte[96], new byte[31]).send());
        add("pods: stake of 32 ETH with 1 ETH", funds(ErrorCode.INSUFFICIENT_GAS_FUNDS),
                () -> poorest.eigenLayer().pods().stake(new byte[48], new byte[96], new byte[32]).send()).watching(poor);
        add("pods: deposit data of a zero amount", code(ErrorCode.INVALID_ARGUMENT),
                () -> EigenPods.depositDataRoot(new byte[48], new byte[32], 0, new byte[96]));
    }

    /** The proof with its first token leaf's earnings raised by one wei: it no longer verifies. */
    private static RewardsProof inflated(RewardsProof proof) {
        RewardsClaim c = proof.claim();
        TokenLeaf first = c.tokenLeaves().get(0);
        List<TokenLeaf> leaves = new ArrayList<>(c.tokenLeaves());
        leaves.set(0, new TokenLeaf(first.token(), first.cumulativeEarnings().add(BigInteger.ONE)));
        return new RewardsProof(proof.root(), new RewardsClaim(c.rootIndex(), c.earnerIndex(), c.earnerTreeProof(), c.earnerLeaf(),
                c.tokenIndices(), c.tokenTreeProofs(), leaves));
    }

    // =============================================================================================
    // Transactions
    // =============================================================================================

    private void transactions() {
        add("transactions: speed up a 2-byte hash", code(ErrorCode.MALFORMED_BYTES), () -> a.transactions().speedUp("0x1234"));
        add("transactions: await a hash without 0x", code(ErrorCode.MALFORMED_BYTES),
                () -> a.transactions().awaitReceipt("ab".repeat(32), Duration.ofSeconds(1)));
        add("transactions: cancel a hash this client never signed", code(ErrorCode.NOT_PERMITTED),
                () -> a.transactions().cancel("0x" + "cd".repeat(32)));
        add("transactions: speed up a mined transaction", code(ErrorCode.ALREADY_DONE), () -> a.transactions().speedUp(minedHash));
    }

    // =============================================================================================
    // Malformed node answers (a local HTTP server; nothing reaches the devnet)
    // =============================================================================================

    private void malformedNodeAnswers() {
        Restaking retrying = keep(Restaking.builder().rpc(node.url()).network(DevnetClients.network(devnet)).signer(Signer.of(alice))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5))
                        .build()).build());
        String invalid = "the node returned invalid JSON for ";
        answer("node: truncated JSON to eth_chainId", Reply.of(200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"),
                rpc("eth_chainId", null, null, invalid + "eth_chainId"), nodeClient::verifyChain);
        answer("node: empty body to eth_call", Reply.of(200, "application/json", ""),
                rpc("eth_call", null, null, invalid + "eth_call"), () -> nodeClient.tokens().balance(stEth, alice.getAddress()));
        answer("node: HTML with HTTP 200", Reply.of(200, "text/html", "<html><body>Welcome</body></html>"),
                rpc("eth_call", null, null, invalid + "eth_call"), () -> nodeClient.lido().rates());
        answer("node: HTML with HTTP 502", Reply.of(502, "text/html", "<html><body>Bad Gateway</body></html>"),
                rpc("eth_call", 502, null, null), () -> nodeClient.tokens().balance(stEth, alice.getAddress()));
        answer("node: HTTP 429", Reply.of(429, "text/plain", "Too Many Requests"),
                rpc("eth_chainId", 429, null, null), nodeClient::verifyChain);
        answer("node: JSON-RPC error object", Reply.of(200, "application/json",
                        "{\"jsonrpc\":\"2.0\",\"id\":ID,\"error\":{\"code\":-32601,\"message\":\"the method does not exist\"}}"),
                rpc("eth_call", null, -32601, null), () -> nodeClient.eigenLayer().positions());
        answer("node: a string where the chain id's quantity belongs", Reply.of(200, "application/json",
                        "{\"jsonrpc\":\"2.0\",\"id\":ID,\"result\":\"hello\"}"),
                rpc("eth_chainId", null, null, null), nodeClient::verifyChain);
        answer("node: a number where eth_call's hex data belongs", Reply.of(200, "application/json",
                        "{\"jsonrpc\":\"2.0\",\"id\":ID,\"result\":42}"),
                rpc("eth_call", null, null, null), () -> nodeClient.tokens().balance(stEth, alice.getAddress()));
        answer("node: truncated JSON during a send", Reply.of(200, "application/json", "{\"jsonrpc\":"),
                rpc("eth_simulateV1", null, null, invalid + "eth_simulateV1"), () -> nodeClient.lido().stake(eth("1")).send());
        answer("node: HTTP 503 is retried as configured, then reported", Reply.of(503, "text/plain", "Service Unavailable"),
                rpc("eth_chainId", 503, null, null), retrying::verifyChain)
                .then(t -> assertEquals(3, node.requests.get(), "three attempts, as the retry policy says"));
    }

    /** A case on {@link #nodeClient} while the fake node gives {@code reply}. */
    private Case answer(String name, Reply reply, Expect expect, Action action) {
        return add(name, expect, action).arranged(() -> {
            node.reply = reply;
            node.requests.set(0);
        }, () -> node.reply = Reply.DOWN);
    }

    // =============================================================================================
    // Protocol state made for one case only (mines blocks before the baseline; undone after)
    // =============================================================================================

    private void arrangedState() {
        add("lido: stake above the current stake limit", code(ErrorCode.ABOVE_MAXIMUM), () -> a.lido().stake(eth("2")).send())
                .arranged(() -> devnet.lido().setStakingLimit(ETHER, BigInteger.TEN.pow(9)), () -> devnet.lido().removeStakingLimit());
        add("rocket pool: deposit while deposits are disabled", code(ErrorCode.PROTOCOL_STATE), () -> a.rocketPool().deposit(eth("1")).send())
                .arranged(() -> devnet.rocketPool().setDepositEnabled(false), () -> devnet.rocketPool().setDepositEnabled(true));
    }

    // =============================================================================================
    // Inputs that today are accepted and sent: each on an account of its own, so the others' checks stay clean
    // =============================================================================================

    private void sendingHazards() {
        Restaking holder = keep(DevnetClients.client(devnet, mismatchHolder));
        Restaking setter = keep(DevnetClients.client(devnet, claimerSetter));
        add("token: stETH declared with 6 decimals, in a transfer", code(ErrorCode.TOKEN_MISMATCH),
                () -> holder.tokens().transfer(Amount.parse("1", Token.erc20(elStEth.address(), "stETH", 6)), bob.getAddress()).send())
                .watching(mismatchHolder);
        add("rewards: claimer with a flipped checksum", code(ErrorCode.BAD_CHECKSUM),
                () -> setter.eigenLayer().rewards().setClaimer(flip(Keys.toChecksumAddress(bob.getAddress()))).send())
                .watching(claimerSetter);
    }

    // =============================================================================================
    // Helpers
    // =============================================================================================

    private static Amount eth(String text) {
        return Amount.parse(text, Token.ETH);
    }

    private static Amount of(String text, Token token) {
        return Amount.parse(text, token);
    }

    /** {@code checksummed} with the case of its first letter flipped: a one-character typo EIP-55 catches. */
    private static String flip(String checksummed) {
        char[] c = checksummed.toCharArray();
        for (int i = 2; i < c.length; i++) {
            if (Character.isLetter(c[i])) {
                c[i] = Character.isUpperCase(c[i]) ? Character.toLowerCase(c[i]) : Character.toUpperCase(c[i]);
                return new String(c);
            }
        }
        throw new IllegalArgumentException(checksummed + " has no letter to flip");
    }

    /** An HTTP answer of the fake node; "ID" in the body is replaced by the request's id. */
    private record Reply(int status, String contentType, String body) {
        static final Reply DOWN = new Reply(503, "text/plain", "no reply configured");

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body);
        }
    }

    /** A local JSON-RPC endpoint that answers every request with the configured {@link Reply}. */
    private static final class FakeNode implements AutoCloseable {
        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        private final HttpServer server;
        final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        volatile Reply reply = Reply.DOWN;

        FakeNode() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.incrementAndGet();
                Matcher m = ID.matcher(request);
                Reply r = reply;
                byte[] body = r.body().replace("ID", m.find() ? m.group(1) : "1").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", r.contentType());
                exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
