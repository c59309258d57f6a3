package io.restake4j.devnet.rocketpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetAddresses;
import io.restake4j.devnet.DevnetException;
import io.restake4j.devnet.RocketPoolDevnet;
import io.restake4j.devnet.fixtures.rocketpool.RocketDepositPool;
import io.restake4j.devnet.fixtures.rocketpool.RocketStorage;

/** Builder.rocketPool(false) leaves the fixtures out; alone (deployed first, from nonce 0) they work the same. */
class RocketPoolDevnetOptionsIT {

    @Test
    void leftOutOnRequest() {
        try (Devnet devnet = Devnet.builder().rocketPool(false).eigenLayer(false).lido(false).start()) {
            DevnetException e = assertThrows(DevnetException.class, devnet::rocketPool);
            assertTrue(e.getMessage().contains("Builder.rocketPool(false)"), e.getMessage());
            assertTrue(devnet.addresses().find(DevnetAddresses.ROCKETPOOL_STORAGE).isEmpty());
        }
    }

    @Test
    void deployedAloneFromTheDeployersFirstNonce() throws Exception {
        try (Devnet devnet = Devnet.builder().eigenLayer(false).lido(false).start()) {
            RocketPoolDevnet rp = devnet.rocketPool();
            RocketStorage storage = RocketStorage.load(rp.rocketStorage(), devnet.web3j(),
                    devnet.transactionManager(devnet.account(1)), devnet.gasProvider());
            assertEquals(rp.depositPool().toLowerCase(),
                    storage.call_getAddress(RocketPoolDevnet.contractAddressKey(RocketPoolDevnet.ROCKET_DEPOSIT_POOL)).send()
                            .toLowerCase());
            assertTrue(storage.call_getDeployedStatus().send());
            RocketDepositPool pool = RocketDepositPool.load(rp.depositPool(), devnet.web3j(),
                    devnet.transactionManager(devnet.account(1)), devnet.gasProvider());
            BigInteger value = BigInteger.TEN.pow(18);
            pool.send_deposit(value).send();
            assertEquals(value, pool.call_getBalance().send());
        }
    }
}
