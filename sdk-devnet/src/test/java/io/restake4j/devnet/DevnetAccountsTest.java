package io.restake4j.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

class DevnetAccountsTest {

    @Test
    void defaultMnemonicDerivesAnvilsWellKnownAccounts() {
        List<Credentials> accounts = Devnet.deriveAccounts(Devnet.DEFAULT_MNEMONIC, 3);
        // anvil's and hardhat's published default accounts (m/44'/60'/0'/0/i)
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", accounts.get(0).getAddress());
        assertEquals("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", accounts.get(1).getAddress());
        assertEquals("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", accounts.get(2).getAddress());
    }

    @Test
    void addressBookNamesWhatIsMissing() {
        DevnetAddresses book = new DevnetAddresses(java.util.Map.of()).with(DevnetAddresses.MULTICALL3, "0xca11");
        assertEquals("0xca11", book.require("common.Multicall3"));
        assertFalse(book.find("eigenlayer.DelegationManager").isPresent());
        DevnetException e = org.junit.jupiter.api.Assertions.assertThrows(DevnetException.class,
                () -> book.require("eigenlayer.DelegationManager"));
        assertEquals("no devnet address named 'eigenlayer.DelegationManager'; known: [common.Multicall3]", e.getMessage());
    }
}
