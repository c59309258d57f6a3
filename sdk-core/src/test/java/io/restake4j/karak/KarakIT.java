package io.restake4j.karak;

import static io.restake4j.testing.DevnetAccounts.fresh;
import static io.restake4j.testing.DevnetAccounts.nonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.KarakDevnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.exits.ExitStatus;
import io.restake4j.exits.Readiness;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * {@code client.karak()} on the devnet's Karak v1.3 fixtures: a deposit with {@code minSharesOut} from the vault's
 * quote, the account's deposits in one call, a withdrawal started, listed with the {@code Instant} it unlocks,
 * refused before it, finished after it at the rate then (exact wei, solady math with offset 0), and the refusals
 * before signing with the nonce unchanged.
 */
@DevnetTest
class KarakIT {

    @Test
    void depositWithdrawAndFinishThroughTheClient(Devnet devnet, KarakDevnet karak) throws Exception {
        Credentials kim = fresh(devnet, 310, 5);
        Credentials lee = fresh(devnet, 311, 5);
        TestToken col = devnet.deployToken("Collateral", "COL", 18);
        String vault = karak.createVault(col.getContractAddress(), BigInteger.TEN.pow(21));
        col.send_mint(kim.getAddress(), BigInteger.TEN.pow(19)).send();
        try (Restaking client = DevnetClients.client(devnet, kim); Restaking other = DevnetClients.client(devnet, lee)) {
            Karak k = client.karak();
            Token token = client.tokens().token(col.getContractAddress());
            assertTrue(k.vaults().stream().anyMatch(v -> v.equalsIgnoreCase(vault)));

            Preview preview = k.deposit(vault, Amount.parse("4", token), 50).preview();
            BigInteger expected = BigInteger.valueOf(4).multiply(BigInteger.TEN.pow(18)); // (a * (0 + 1)) / (0 + 1)
            assertEquals(expected, preview.quote(Karak.EXPECTED_SHARES_QUOTE).orElseThrow().amount().wei());
            assertEquals(expected.multiply(BigInteger.valueOf(9_950)).divide(BigInteger.valueOf(10_000)),
                    preview.quote(Karak.MIN_SHARES_QUOTE).orElseThrow().amount().wei(), "the quote less 0.5 %");
            KarakResult in = k.deposit(vault, Amount.parse("4", token), 50).send();
            assertEquals(2, in.transactionCount(), "approve the vault + deposit");
            assertEquals(expected, in.shares());
            // a donation makes the rate awkward: 4e18 + 1e18 + 3 assets over 4e18 shares
            col.send_mint(vault, BigInteger.TEN.pow(18).add(BigInteger.valueOf(3))).send();
            List<KarakDeposit> deposits = k.deposits();
            assertEquals(1, deposits.size());
            assertEquals(expected, deposits.get(0).shares());

            BigInteger nonce = nonce(devnet, kim);
            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> k.startWithdraw(vault, expected.add(BigInteger.ONE)).send());
            assertCode(ErrorCode.NOT_FOUND, () -> k.deposit(col.getContractAddress(), Amount.parse("1", token), 50).send());
            assertCode(ErrorCode.INSUFFICIENT_BALANCE, () -> k.deposit(vault, Amount.parse("7", token), 50).send());
            assertCode(ErrorCode.OUT_OF_RANGE, () -> k.deposit(vault, Amount.parse("1", token), 10_001));
            assertCode(ErrorCode.NOT_POSITIVE, () -> k.deposit(vault, Amount.ofWei(BigInteger.ZERO, token), 50));
            Amount staleBound = Amount.ofWei(expected, client.tokens().token(vault)); // 4e18 shares: the quote before the donation
            InvalidInputException moved = assertThrows(InvalidInputException.class,
                    () -> k.deposit(vault, Amount.parse("4", token), staleBound).send());
            assertEquals(ErrorCode.BELOW_MINIMUM, moved.code(), moved.getMessage());
            assertTrue(moved.getMessage().contains("slippage"), moved.getMessage());
            assertCode(ErrorCode.WRONG_TOKEN, () -> k.deposit(vault, Amount.parse("1", token), Amount.parse("1", token)));
            assertEquals(nonce, nonce(devnet, kim), "nothing was sent");

            BigInteger half = expected.divide(BigInteger.TWO);
            k.startWithdraw(vault, half).send();
            List<KarakWithdrawal> pending = k.withdrawals();
            assertEquals(1, pending.size());
            KarakWithdrawal w = pending.get(0);
            assertEquals(ExitStatus.PENDING, w.status());
            assertEquals(new Readiness.AtTime(w.unlocksAt()), w.readiness());
            assertEquals(w.withdrawal().start.longValueExact() + karak.withdrawalDelay().toSeconds(),
                    w.unlocksAt().getEpochSecond());
            nonce = nonce(devnet, kim);
            InvalidInputException early = assertThrows(InvalidInputException.class, () -> k.finishWithdraw(w).send());
            assertEquals(ErrorCode.NOT_READY, early.code());
            assertTrue(early.getMessage().contains(w.unlocksAt().toString()), early.getMessage());
            assertCode(ErrorCode.NOT_PERMITTED, () -> other.karak().finishWithdraw(w).send());
            assertEquals(nonce, nonce(devnet, kim), "nothing was sent");

            karak.advancePastWithdrawalDelay();
            assertEquals(ExitStatus.CLAIMABLE, k.withdrawals().get(0).status());
            BigInteger totalAssets = BigInteger.valueOf(5).multiply(BigInteger.TEN.pow(18)).add(BigInteger.valueOf(3));
            BigInteger pays = half.multiply(totalAssets.add(BigInteger.ONE)).divide(expected.add(BigInteger.ONE));
            KarakResult done = k.finishWithdraw(w).send();
            assertEquals(Amount.ofWei(pays, token), done.assets(), "the finish-time rate, rounded down");
            assertEquals(List.of(w.root()), done.roots());
            byte[] root = io.restake4j.contracts.karak.DelegationSupervisor.getFinishedWithdrawalEvents(
                    done.execution().lastReceipt()).get(0).withdrawRoot;
            assertEquals(w.root(), org.web3j.utils.Numeric.toHexString(root), "our root is the supervisor's");
            assertEquals(List.of(), k.withdrawals());
            assertCode(ErrorCode.ALREADY_DONE, () -> k.finishWithdraw(w).send());
        }
    }

    private static void assertCode(ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
