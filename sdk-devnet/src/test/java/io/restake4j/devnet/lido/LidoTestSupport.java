package io.restake4j.devnet.lido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.web3j.crypto.Credentials;

import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.devnet.fixtures.lido.Lido;
import io.restake4j.devnet.fixtures.lido.WithdrawalQueueERC721;
import io.restake4j.devnet.fixtures.lido.WstETH;

/** Helpers shared by the Lido fixture tests: wrappers per account, exact floor division, reverts. */
final class LidoTestSupport {

    static final BigInteger ETH = BigInteger.TEN.pow(18);

    private LidoTestSupport() {
    }

    /**
     * The fee shares a positive report mints (Accounting._calculateFees, 10% total fee, precision 1e20):
     * {@code rewards * fee * preShares / (postEther * precision - rewards * fee)}, rounded down.
     */
    static BigInteger feeShares(BigInteger rewards, BigInteger preShares, BigInteger postEther) {
        BigInteger precision = BigInteger.TEN.pow(20);
        BigInteger fee = BigInteger.TEN.pow(19);
        return rewards.multiply(fee).multiply(preShares)
                .divide(postEther.multiply(precision).subtract(rewards.multiply(fee)));
    }

    static Lido stETH(Devnet devnet, LidoDevnet lido, Credentials as) {
        return Lido.load(lido.stETH(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static WstETH wstETH(Devnet devnet, LidoDevnet lido, Credentials as) {
        return WstETH.load(lido.wstETH(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static WithdrawalQueueERC721 queue(Devnet devnet, LidoDevnet lido, Credentials as) {
        return WithdrawalQueueERC721.load(lido.withdrawalQueue(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }

}
