package io.restake4j.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

import io.restake4j.Restaking;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.ChainMismatchException;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InsufficientFundsException;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tx.Operation;
import io.restake4j.tx.OperationEvent;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

@DevnetTest
class TokenOperationsIT {

    private static String tokenAddress;

    @BeforeAll
    static void token(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        TestToken token = devnet.deployToken("Devnet USD", "dUSD", 6);
        token.send_mint(alice.getAddress(), BigInteger.valueOf(1_000_000_000L)).send(); // 1,000 dUSD
        tokenAddress = token.getContractAddress();
    }

    @Test
    void transferPreviewsWithoutChangingStateThenSends(Devnet devnet, @Account(0) Credentials alice,
            @Account(1) Credentials bob) throws Exception {
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Token dusd = client.tokens().token(tokenAddress);
            assertEquals("dUSD", dusd.symbol());
            assertEquals(6, dusd.decimals());
            Amount amount = Amount.parse("12.5", dusd);
            Operation<TransferResult> transfer = client.tokens().transfer(amount, bob.getAddress());

            BigInteger block = devnet.blockNumber();
            BigInteger nonce = nonce(devnet, alice);
            Preview preview = transfer.preview();
            assertEquals(block, devnet.blockNumber(), "preview mined nothing");
            assertEquals(nonce, nonce(devnet, alice), "preview used no nonce");
            assertEquals(Amount.zero(dusd), client.tokens().balance(dusd, bob.getAddress()));
            assertEquals(1, preview.steps().size());
            assertTrue(preview.wouldSucceed());
            assertEquals(Boolean.TRUE, preview.steps().get(0).result(), "transfer() returns true");
            assertEquals(1, preview.steps().get(0).logs().size(), "one Transfer event");
            assertTrue(preview.steps().get(0).gasLimit().compareTo(preview.steps().get(0).gasUsed()) > 0);
            assertEquals("eth_simulateV1", preview.method());

            List<OperationEvent.Stage> stages = new ArrayList<>();
            TransferResult result = transfer.withListener(e -> stages.add(e.stage())).send();

            assertEquals(List.of(OperationEvent.Stage.SIMULATED, OperationEvent.Stage.SIGNED, OperationEvent.Stage.SENT,
                    OperationEvent.Stage.MINED, OperationEvent.Stage.CONFIRMED), stages);
            assertEquals(amount, result.amount());
            assertEquals(alice.getAddress(), result.from());
            assertEquals(bob.getAddress(), result.to());
            assertEquals(1, result.transactionCount());
            assertEquals(amount, client.tokens().balance(dusd, bob.getAddress()));
            assertEquals(Amount.parse("987.5", dusd), client.tokens().balance(dusd, alice.getAddress()));
        }
    }

    @Test
    void approveThenTransferFromAsTwoClients(Devnet devnet, @Account(0) Credentials alice, @Account(1) Credentials bob,
            @Account(2) Credentials carol) throws Exception {
        try (Restaking asAlice = DevnetClients.client(devnet, alice); Restaking asBob = DevnetClients.client(devnet, bob)) {
            Token dusd = asAlice.tokens().token(tokenAddress);
            Amount hundred = Amount.parse("100", dusd);

            ApprovalResult approval = asAlice.tokens().approve(hundred, bob.getAddress()).send();
            assertEquals(hundred, approval.allowance());
            assertEquals(bob.getAddress(), approval.spender());

            Operation<TransferResult> pull = asBob.tokens().transferFrom(Amount.parse("60", dusd), alice.getAddress(),
                    carol.getAddress());
            BigInteger block = devnet.blockNumber();
            Preview preview = pull.preview();
            assertTrue(preview.wouldSucceed());
            assertEquals(block, devnet.blockNumber());
            assertEquals(Amount.zero(dusd), asBob.tokens().balance(dusd, carol.getAddress()));

            TransferResult moved = pull.send();
            assertEquals(Amount.parse("60", dusd), moved.amount());
            assertEquals(Amount.parse("60", dusd), asBob.tokens().balance(dusd, carol.getAddress()));

            InsufficientFundsException tooMuch = assertThrows(InsufficientFundsException.class, () -> asBob.tokens()
                    .transferFrom(Amount.parse("41", dusd), alice.getAddress(), carol.getAddress()).send());
            assertEquals(ErrorCode.INSUFFICIENT_ALLOWANCE, tooMuch.code());
            assertEquals(Amount.parse("41", dusd), tooMuch.needed());
            assertEquals(Amount.parse("40", dusd), tooMuch.held());
        }
    }

    @Test
    void badInputIsRejectedBeforeAnythingIsSigned(Devnet devnet, @Account(0) Credentials alice,
            @Account(1) Credentials bob) throws Exception {
        BigInteger nonce = nonce(devnet, alice);
        BigInteger block = devnet.blockNumber();
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            Token dusd = client.tokens().token(tokenAddress);
            String to = bob.getAddress();

            assertCode(ErrorCode.NOT_POSITIVE, () -> client.tokens().transfer(Amount.zero(dusd), to).send());
            assertCode(ErrorCode.MALFORMED_AMOUNT, () -> client.tokens().transfer(Amount.parse("-5", dusd), to).send());
            assertCode(ErrorCode.NOT_POSITIVE,
                    () -> client.tokens().transfer(Amount.ofWei(BigInteger.valueOf(-1), dusd), to).send());
            InsufficientFundsException overBalance = assertThrows(InsufficientFundsException.class,
                    () -> client.tokens().transfer(Amount.parse("1000.000001", dusd), to).send());
            assertEquals(ErrorCode.INSUFFICIENT_BALANCE, overBalance.code());
            assertEquals(Amount.parse("1000.000001", dusd), overBalance.needed());
            assertEquals(Amount.parse("1000", dusd), overBalance.held());
            assertEquals(Amount.parse("0.000001", dusd), overBalance.shortfall());
            InvalidInputException shortAddress = assertCode(ErrorCode.MALFORMED_ADDRESS,
                    () -> client.tokens().transfer(Amount.parse("1", dusd), "0x1234").send());
            assertEquals("recipient", shortAddress.parameter().orElseThrow());
            assertCode(ErrorCode.ZERO_ADDRESS,
                    () -> client.tokens().transfer(Amount.parse("1", dusd), "0x0000000000000000000000000000000000000000").send());
            Token ghost = Token.erc20("0x000000000000000000000000000000000000dEaD", "GHOST", 18);
            assertCode(ErrorCode.UNKNOWN_DEPLOYMENT, () -> client.tokens().transfer(Amount.parse("1", ghost), to).send());
            InvalidInputException noToken = assertCode(ErrorCode.UNKNOWN_DEPLOYMENT,
                    () -> client.tokens().token("0x000000000000000000000000000000000000dEaD"));
            assertTrue(noToken.getMessage().contains("0x000000000000000000000000000000000000dEaD"), noToken.getMessage());
        }
        try (Restaking wrongChain = Restaking.builder().rpc(devnet.rpcUrl()).signer(Signer.of(alice))
                .network(Network.of("mainnet-by-mistake", 1, devnet.addresses().asMap())).build()) {
            Token dusd = Token.erc20(tokenAddress, "dUSD", 6);
            ChainMismatchException e = assertThrows(ChainMismatchException.class,
                    () -> wrongChain.tokens().transfer(Amount.parse("1", dusd), bob.getAddress()).send());
            assertEquals(ErrorCode.CHAIN_MISMATCH, e.code());
            assertTrue(e.getMessage().contains("31337") && e.getMessage().contains("chain 1"), e.getMessage());
        }
        assertEquals(nonce, nonce(devnet, alice), "no nonce was consumed by any rejected operation");
        assertEquals(block, devnet.blockNumber(), "nothing was mined");
    }

    @Test
    void aClientWithoutSignerPreviewsButDoesNotSend(Devnet devnet, @Account(0) Credentials alice,
            @Account(1) Credentials bob) {
        try (Restaking readOnly = DevnetClients.builder(devnet).rpc(devnet.rpcUrl()).readOnlyAccount(alice.getAddress()).build()) {
            Token dusd = readOnly.tokens().token(tokenAddress);
            Operation<TransferResult> transfer = readOnly.tokens().transfer(Amount.parse("1", dusd), bob.getAddress());
            assertTrue(transfer.preview().wouldSucceed());
            assertCode(ErrorCode.NO_SIGNER, transfer::send);
            assertFalse(readOnly.signer().isPresent());
        }
    }

    private static InvalidInputException assertCode(ErrorCode expected, org.junit.jupiter.api.function.Executable action) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action);
        assertEquals(expected, e.code(), e.getMessage());
        return e;
    }

    static BigInteger nonce(Devnet devnet, Credentials who) throws Exception {
        return devnet.web3j().ethGetTransactionCount(who.getAddress(), DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
    }
}
