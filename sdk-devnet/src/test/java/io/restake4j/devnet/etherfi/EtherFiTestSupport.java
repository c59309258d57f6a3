package io.restake4j.devnet.etherfi;

import static io.restake4j.devnet.testing.FixtureAsserts.mulDiv;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDivUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.devnet.fixtures.etherfi.EETH;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.devnet.fixtures.etherfi.WeETH;
import io.restake4j.devnet.fixtures.etherfi.WithdrawRequestNFT;

/**
 * Helpers shared by the ether.fi fixture tests: wrappers per account, exact rounding, reverts, permits,
 * and {@link Pool}, an independent model of the pool's share math.
 */
final class EtherFiTestSupport {

    static final BigInteger ETH = BigInteger.TEN.pow(18);
    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    static final String NO_REFERRAL = "0x0000000000000000000000000000000000000000";

    private EtherFiTestSupport() {
    }

    static BigInteger wei(String digits) {
        return new BigInteger(digits);
    }

    /**
     * The pool as the tests expect it: total value {@code tvl} over {@code shares}. Each operation returns what
     * ether.fi's documented math gives, computed here with BigInteger, and updates the model.
     */
    static final class Pool {
        BigInteger tvl = BigInteger.ZERO;
        BigInteger shares = BigInteger.ZERO;

        /** Shares minted for a deposit, priced on the pre-deposit value (first deposit 1:1). */
        BigInteger deposit(BigInteger amount) {
            BigInteger minted = tvl.signum() == 0 ? amount : mulDiv(amount, shares, tvl);
            tvl = tvl.add(amount);
            shares = shares.add(minted);
            return minted;
        }

        void rebase(BigInteger delta) {
            tvl = tvl.add(delta);
        }

        BigInteger sharesForAmount(BigInteger amount) {
            return tvl.signum() == 0 ? BigInteger.ZERO : mulDiv(amount, shares, tvl);
        }

        BigInteger sharesForWithdrawalAmount(BigInteger amount) {
            return tvl.signum() == 0 ? BigInteger.ZERO : mulDivUp(amount, shares, tvl);
        }

        BigInteger amountForShare(BigInteger share) {
            return shares.signum() == 0 ? BigInteger.ZERO : mulDiv(share, tvl, shares);
        }

        BigInteger amountPerShareCeil() {
            return shares.signum() == 0 ? BigInteger.ZERO : mulDivUp(ETH, tvl, shares);
        }

        /**
         * A claim burns the request's shares, all of them, and takes the ether paid out of the pool's value (the
         * rest of the escrow goes back into the pool); returns the shares burnt.
         */
        BigInteger claim(BigInteger requestShares, BigInteger paid) {
            shares = shares.subtract(requestShares);
            tvl = tvl.subtract(paid);
            return requestShares;
        }

        /** An independent copy, to look ahead. */
        Pool copy() {
            Pool c = new Pool();
            c.tvl = tvl;
            c.shares = shares;
            return c;
        }
    }

    /** min(amountOfEEth, shareOfEEth * frozenRate / 1e18). */
    static BigInteger claimable(BigInteger amount, BigInteger share, BigInteger frozenRate) {
        return amount.min(mulDiv(share, frozenRate, ETH));
    }

    static LiquidityPool pool(Devnet devnet, EtherFiDevnet etherFi, Credentials as) {
        return LiquidityPool.load(etherFi.liquidityPool(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }

    static EETH eETH(Devnet devnet, EtherFiDevnet etherFi, Credentials as) {
        return EETH.load(etherFi.eETH(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static WeETH weETH(Devnet devnet, EtherFiDevnet etherFi, Credentials as) {
        return WeETH.load(etherFi.weETH(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static WithdrawRequestNFT nft(Devnet devnet, EtherFiDevnet etherFi, Credentials as) {
        return WithdrawRequestNFT.load(etherFi.withdrawRequestNFT(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }

    /**
     * The receipt's {@code Transfer(address,address,uint256)} events emitted by {@code contract}, decoded by
     * {@code decode} (eETH, weETH and the NFT share that topic, so the generated getTransferEvents mix them).
     */
    static <T> List<T> transfersFrom(TransactionReceipt receipt, String contract,
            java.util.function.Function<org.web3j.protocol.core.methods.response.Log, T> decode) {
        String topic = Hash.sha3String("Transfer(address,address,uint256)");
        return receipt.getLogs().stream()
                .filter(l -> l.getAddress().equalsIgnoreCase(contract) && topic.equals(l.getTopics().get(0)))
                .map(decode).toList();
    }

}
