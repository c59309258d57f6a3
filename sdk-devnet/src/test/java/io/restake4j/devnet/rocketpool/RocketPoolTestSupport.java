package io.restake4j.devnet.rocketpool;

import static io.restake4j.devnet.testing.FixtureAsserts.eth;
import static io.restake4j.devnet.testing.FixtureAsserts.mulDiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.RocketPoolDevnet;
import io.restake4j.devnet.fixtures.rocketpool.RocketDAOProtocolSettingsDeposit;
import io.restake4j.devnet.fixtures.rocketpool.RocketDepositPool;
import io.restake4j.devnet.fixtures.rocketpool.RocketNetworkBalances;
import io.restake4j.devnet.fixtures.rocketpool.RocketStorage;
import io.restake4j.devnet.fixtures.rocketpool.RocketTokenRETH;
import io.restake4j.devnet.fixtures.rocketpool.RocketVault;

/** Helpers shared by the Rocket Pool fixture tests: wrappers per account, Rocket Pool's arithmetic, reverts. */
final class RocketPoolTestSupport {

    static final BigInteger ETH = BigInteger.TEN.pow(18);
    /** The devnet's start values (upstream's deploy-time defaults). */
    static final BigInteger DEFAULT_FEE = new BigInteger("500000000000000");
    static final BigInteger DEFAULT_MINIMUM = BigInteger.TEN.pow(16);
    static final BigInteger DEFAULT_POOL_MAXIMUM = eth(160);
    static final BigInteger DEFAULT_TARGET_COLLATERAL = BigInteger.TEN.pow(17);

    private RocketPoolTestSupport() {
    }

    /** floor(value * fee / 1e18). */
    static BigInteger fee(BigInteger value, BigInteger fee) {
        return mulDiv(value, fee, ETH);
    }

    /** keccak256(abi.encodePacked(prefix, suffix)) for two strings. */
    static byte[] key(String prefix, String suffix) {
        return Hash.sha3((prefix + suffix).getBytes(StandardCharsets.UTF_8));
    }

    /** keccak256(abi.encodePacked(prefix, address)): the 20 address bytes, no padding. */
    static byte[] key(String prefix, String address, boolean isAddress) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] a = Numeric.hexStringToByteArray(address);
        byte[] packed = new byte[p.length + a.length];
        System.arraycopy(p, 0, packed, 0, p.length);
        System.arraycopy(a, 0, packed, p.length, a.length);
        return Hash.sha3(packed);
    }

    static RocketStorage storage(Devnet devnet, RocketPoolDevnet rp, Credentials as) {
        return RocketStorage.load(rp.rocketStorage(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static RocketTokenRETH rETH(Devnet devnet, RocketPoolDevnet rp, Credentials as) {
        return RocketTokenRETH.load(rp.rETH(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static RocketDepositPool pool(Devnet devnet, RocketPoolDevnet rp, Credentials as) {
        return RocketDepositPool.load(rp.depositPool(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }

    static RocketVault vault(Devnet devnet, RocketPoolDevnet rp, Credentials as) {
        return RocketVault.load(rp.vault(), devnet.web3j(), devnet.transactionManager(as), devnet.gasProvider());
    }

    static RocketNetworkBalances balances(Devnet devnet, RocketPoolDevnet rp, Credentials as) {
        return RocketNetworkBalances.load(rp.networkBalances(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }

    static RocketDAOProtocolSettingsDeposit settings(Devnet devnet, RocketPoolDevnet rp, Credentials as) {
        return RocketDAOProtocolSettingsDeposit.load(rp.depositSettings(), devnet.web3j(), devnet.transactionManager(as),
                devnet.gasProvider());
    }

}
