package io.restake4j.devnet.rocketpool;

import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.DEFAULT_FEE;
import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.DEFAULT_MINIMUM;
import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.DEFAULT_POOL_MAXIMUM;
import static io.restake4j.devnet.testing.FixtureAsserts.assertRevertsWithReason;
import static io.restake4j.devnet.rocketpool.RocketPoolTestSupport.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetAddresses;
import io.restake4j.devnet.DevnetException;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.RocketPoolDevnet;
import io.restake4j.devnet.fixtures.rocketpool.RocketDAOProtocol;
import io.restake4j.devnet.fixtures.rocketpool.RocketDAOProtocolSettingsDeposit;
import io.restake4j.devnet.fixtures.rocketpool.RocketStorage;
import io.restake4j.devnet.fixtures.rocketpool.RocketTokenRETH;

/** RocketStorage: contract lookup with Rocket Pool's key scheme, settings keys, write protection. */
@DevnetTest
class RocketPoolStorageIT {

    /** Keys of "contract.address" + name as rocketpool.md lists them (computed there, not here). */
    private static final Map<String, String> LISTED_KEYS = new LinkedHashMap<>();

    static {
        LISTED_KEYS.put("rocketDepositPool", "0x65dd923ddfc8d8ae6088f80077201d2403cbd565f0ba25e09841e2799ec90bb2");
        LISTED_KEYS.put("rocketTokenRETH", "0xe3744443225bff7cc22028be036b80de58057d65a3fdca0a3df329f525e31ccc");
        LISTED_KEYS.put("rocketNetworkBalances", "0x7630e125f1c009e5fc974f6dae77c6d5b1802979b36e6d7145463c21782af01e");
        LISTED_KEYS.put("rocketDAOProtocolSettingsDeposit",
                "0x876d8a498b5341a6b5897a8239bfb0347e2b8d81fe9401d355c1e4b0ecebedaa");
        LISTED_KEYS.put("rocketVault", "0x41c30d91bfaf5fa8d610263b0554366f2159a2b6807bf2fdbeb8f2b21a62f17b");
    }

    @Test
    void everyContractIsFoundUnderTheDocumentedKey(Devnet devnet, DevnetAddresses book, RocketPoolDevnet rp)
            throws Exception {
        assertSame(devnet.rocketPool(), rp, "injected by the extension");
        Map<String, String> registered = Map.of(
                "rocketDepositPool", book.require(DevnetAddresses.ROCKETPOOL_DEPOSIT_POOL),
                "rocketTokenRETH", book.require(DevnetAddresses.ROCKETPOOL_RETH),
                "rocketNetworkBalances", book.require(DevnetAddresses.ROCKETPOOL_NETWORK_BALANCES),
                "rocketDAOProtocolSettingsDeposit", book.require(DevnetAddresses.ROCKETPOOL_SETTINGS_DEPOSIT),
                "rocketVault", book.require(DevnetAddresses.ROCKETPOOL_VAULT));
        RocketStorage storage = RocketPoolTestSupport.storage(devnet, rp, devnet.account(1));
        for (Map.Entry<String, String> listed : LISTED_KEYS.entrySet()) {
            String name = listed.getKey();
            byte[] k = RocketPoolDevnet.contractAddressKey(name);
            assertEquals(listed.getValue(), Numeric.toHexString(k), "key of " + name);
            assertArrayEquals(key("contract.address", name), k);
            String at = registered.get(name);
            assertEquals(at.toLowerCase(), storage.call_getAddress(k).send().toLowerCase(), name);
            assertTrue(storage.call_getBool(key("contract.exists", at, true)).send(), name + " exists");
            assertEquals(name, storage.call_getString(key("contract.name", at, true)).send());
            String code = devnet.web3j().ethGetCode(at, DefaultBlockParameterName.LATEST).send().getCode();
            assertTrue(code.length() > 2, name + " has code");
        }
        assertFalse(storage.call_getBool(key("contract.exists", devnet.account(1).getAddress(), true)).send());
        assertTrue(storage.call_getDeployedStatus().send());
        assertEquals(devnet.deployer().getAddress(), storage.call_getGuardian().send());
        assertEquals(rp.rocketStorage(), RocketPoolTestSupport.rETH(devnet, rp, devnet.account(1))
                .call_getRocketStorage().send());
    }

    @Test
    void settingsLiveInStorageUnderPDaoKeys(Devnet devnet, RocketPoolDevnet rp) throws Exception {
        RocketStorage storage = RocketPoolTestSupport.storage(devnet, rp, devnet.account(1));
        RocketDAOProtocolSettingsDeposit settings = RocketPoolTestSupport.settings(devnet, rp, devnet.account(1));
        // namespace and deposit fee keys as rocketpool.md lists them
        byte[] namespace = Hash.sha3("dao.protocol.setting.deposit".getBytes());
        assertEquals("0x926a67b8ce7efd767bb9ab1a3445cdbc07c3b54e43feecabd49ecd8bc2c82dfb", Numeric.toHexString(namespace));
        byte[] feeKey = Numeric.hexStringToByteArray("0xee1b2d062bc9318204362e343b5925eeff06035fe194c84ee300a29b5ac8cde3");
        assertEquals(DEFAULT_FEE, storage.call_getUint(feeKey).send());
        assertEquals(DEFAULT_FEE, settings.call_getDepositFee().send());
        assertEquals(DEFAULT_MINIMUM, storage.call_getUint(settingKey(namespace, "deposit.minimum")).send());
        assertEquals(DEFAULT_MINIMUM, settings.call_getMinimumDeposit().send());
        assertEquals(DEFAULT_POOL_MAXIMUM, settings.call_getMaximumDepositPoolSize().send());
        assertTrue(settings.call_getDepositEnabled().send(), "enabled by deploy()'s bootstrap call");
        assertTrue(settings.call_getAssignDepositsEnabled().send());
        assertEquals(BigInteger.valueOf(90), settings.call_getMaximumDepositAssignments().send());
        assertEquals(BigInteger.TWO, settings.call_getExpressQueueRate().send());

        rp.setDepositFee(BigInteger.TEN.pow(15));
        assertEquals(BigInteger.TEN.pow(15), storage.call_getUint(feeKey).send(), "a setter writes storage");
        rp.setDepositEnabled(false);
        assertFalse(storage.call_getBool(settingKey(namespace, "deposit.enabled")).send());
        // the fee guard, as upstream, through the pDAO's bootstrap call
        assertRevertsWithReason(devnet, devnet.deployer().getAddress(), rp.daoProtocol(),
                RocketDAOProtocol.getABI_send_bootstrapSettingUint("rocketDAOProtocolSettingsDeposit", "deposit.fee",
                        BigInteger.TEN.pow(16)),
                "Fee must be less than 1%");
        org.junit.jupiter.api.Assertions.assertThrows(DevnetException.class,
                () -> rp.setDepositFee(BigInteger.TEN.pow(16)));
        // only the guardian bootstraps; unknown settings contracts are not found
        assertRevertsWithReason(devnet, devnet.account(1).getAddress(), rp.daoProtocol(),
                RocketDAOProtocol.getABI_send_bootstrapSettingUint("rocketDAOProtocolSettingsDeposit", "deposit.fee",
                        BigInteger.ONE),
                "Account is not a temporary guardian");
        assertRevertsWithReason(devnet, devnet.deployer().getAddress(), rp.daoProtocol(),
                RocketDAOProtocol.getABI_send_bootstrapSettingBool("rocketDAOProtocolSettingsNoSuch", "x", true),
                "Contract not found");
        // once deployed, the settings contract takes changes from the pDAO only, not even from the guardian
        for (Credentials who : new Credentials[] {devnet.account(1), devnet.deployer()}) {
            assertRevertsWithReason(devnet, who.getAddress(), rp.depositSettings(),
                    RocketDAOProtocolSettingsDeposit.getABI_send_setSettingUint("deposit.fee", BigInteger.ONE),
                    "Only DAO Protocol Proposals contract can update a setting");
        }
        assertFalse(RocketDAOProtocol.load(rp.daoProtocol(), devnet.web3j(), devnet.transactionManager(devnet.account(1)),
                devnet.gasProvider()).call_getBootstrapModeDisabled().send());
    }

    @Test
    void depositsStartDisabledAndThePDaoBootstrapEnablesThem(Devnet devnet, RocketPoolDevnet rp) throws Exception {
        org.web3j.protocol.core.methods.request.EthFilter filter = new org.web3j.protocol.core.methods.request.EthFilter(
                DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, rp.daoProtocol());
        java.util.List<org.web3j.protocol.core.methods.response.Log> logs = new java.util.ArrayList<>();
        for (org.web3j.protocol.core.methods.response.EthLog.LogResult<?> r
                : devnet.web3j().ethGetLogs(filter).send().getLogs()) {
            logs.add((org.web3j.protocol.core.methods.response.Log) r.get());
        }
        // deployment sent exactly one pDAO call: bootstrapSettingBool(rocketDAOProtocolSettingsDeposit, deposit.enabled, true)
        assertEquals(1, logs.size(), logs.toString());
        RocketDAOProtocol.BootstrapSettingBoolEventResponse enabled = RocketDAOProtocol.getBootstrapSettingBoolEventFromLog(logs.get(0));
        assertEquals("rocketDAOProtocolSettingsDeposit", enabled.settingContractName);
        assertEquals("deposit.enabled", enabled.settingPath);
        assertTrue(enabled.value);
        // one block earlier, after the settings contract's construction, deposits were disabled (upstream's default)
        org.web3j.protocol.core.DefaultBlockParameter before = org.web3j.protocol.core.DefaultBlockParameter.valueOf(
                logs.get(0).getBlockNumber().subtract(BigInteger.ONE));
        RocketDAOProtocolSettingsDeposit settings = RocketPoolTestSupport.settings(devnet, rp, devnet.account(1));
        settings.setDefaultBlockParameter(before);
        assertFalse(settings.call_getDepositEnabled().send(), "disabled before the bootstrap call");
        assertTrue(settings.call_getAssignDepositsEnabled().send());
        assertEquals(BigInteger.ZERO, settings.call_getMaximumDepositSocialisedAssignments().send());
        settings.setDefaultBlockParameter(DefaultBlockParameterName.LATEST);
        assertTrue(settings.call_getDepositEnabled().send(), "enabled after it");
    }

    @Test
    void onlyRegisteredContractsWriteOnceDeployed(Devnet devnet, RocketPoolDevnet rp, @Account(1) Credentials alice)
            throws Exception {
        byte[] anyKey = key("contract.address", "rocketTokenRETH");
        for (Credentials who : new Credentials[] {alice, devnet.deployer()}) {
            assertRevertsWithReason(devnet, who.getAddress(), rp.rocketStorage(),
                    RocketStorage.getABI_send_setAddress(anyKey, who.getAddress()), "Invalid or outdated network contract");
            assertRevertsWithReason(devnet, who.getAddress(), rp.rocketStorage(),
                    RocketStorage.getABI_send_setUint(anyKey, BigInteger.ONE), "Invalid or outdated network contract");
        }
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rocketStorage(), RocketStorage.getABI_send_setDeployedStatus(),
                "Is not guardian account");
        // rETH mints only for the registered deposit pool
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rETH(),
                RocketTokenRETH.getABI_send_mint(BigInteger.ONE, alice.getAddress()), "Invalid or outdated contract");
        assertRevertsWithReason(devnet, alice.getAddress(), rp.rETH(), RocketTokenRETH.getABI_send_depositExcess(BigInteger.ONE),
                "Invalid or outdated contract");
        // node withdrawal addresses: the node itself until set
        RocketStorage storage = RocketPoolTestSupport.storage(devnet, rp, alice);
        assertEquals(alice.getAddress(), storage.call_getNodeWithdrawalAddress(alice.getAddress()).send());
        storage.send_setWithdrawalAddress(alice.getAddress(), devnet.account(2).getAddress(), false).send();
        assertEquals(devnet.account(2).getAddress(), storage.call_getNodePendingWithdrawalAddress(alice.getAddress()).send());
        assertEquals(alice.getAddress(), storage.call_getNodeWithdrawalAddress(alice.getAddress()).send());
        RocketPoolTestSupport.storage(devnet, rp, devnet.account(2)).send_confirmWithdrawalAddress(alice.getAddress()).send();
        assertEquals(devnet.account(2).getAddress(), storage.call_getNodeWithdrawalAddress(alice.getAddress()).send());
    }

    @Test
    void tokenMetadata(Devnet devnet, RocketPoolDevnet rp) throws Exception {
        RocketTokenRETH reth = RocketPoolTestSupport.rETH(devnet, rp, devnet.account(1));
        assertEquals("Rocket Pool ETH", reth.call_name().send());
        assertEquals("rETH", reth.call_symbol().send());
        assertEquals(BigInteger.valueOf(18), reth.call_decimals().send());
        assertEquals(BigInteger.ZERO, reth.call_totalSupply().send());
    }

    private static byte[] settingKey(byte[] namespace, String path) {
        byte[] p = path.getBytes();
        byte[] packed = new byte[namespace.length + p.length];
        System.arraycopy(namespace, 0, packed, 0, namespace.length);
        System.arraycopy(p, 0, packed, namespace.length, p.length);
        return Hash.sha3(packed);
    }
}
