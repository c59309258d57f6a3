package io.restake4j.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/** A protocol the chain lacks is a configuration error that names the chain; a missing key names what is known. */
class MissingDeploymentTest {

    private final Network arbitrumLike = Network.of("l2", 42161, Map.of(Network.MULTICALL3, Network.CANONICAL_MULTICALL3,
            "karak.Core", "0xc4B3D494c166eBbFF9C716Da4cec39B579795A0d"));

    @Test
    void aProtocolTheChainLacksNamesTheChain() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> arbitrumLike.require("symbiotic.VaultFactory"));
        assertEquals(ErrorCode.UNKNOWN_DEPLOYMENT, e.code());
        assertEquals(ErrorCode.Kind.CONFIGURATION, e.code().kind());
        assertTrue(e.getMessage().contains("network l2 (chain 42161) has no symbiotic deployment"), e.getMessage());
    }

    @Test
    void aMissingAddressOfAKnownProtocolListsTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> arbitrumLike.require("karak.VaultSupervisor"));
        assertTrue(e.getMessage().contains("has no address for 'karak.VaultSupervisor'") && e.getMessage().contains("karak.Core"),
                e.getMessage());
    }

    /** The Arbitrum One preset: Karak is there; the L1-only protocols fail naming the chain, before any read. */
    @Test
    void theArbitrumPresetHasKarakAndNoL1OnlyProtocol() {
        Network arbitrum = Network.arbitrum();
        assertEquals("0xc4B3D494c166eBbFF9C716Da4cec39B579795A0d", arbitrum.require("karak.Core"));
        for (String key : new String[] {"eigenlayer.DelegationManager", "lido.LidoLocator", "etherfi.LiquidityPool",
                "rocketpool.RocketStorage", "symbiotic.VaultFactory"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> arbitrum.require(key));
            assertEquals(ErrorCode.UNKNOWN_DEPLOYMENT, e.code());
            String protocol = key.substring(0, key.indexOf('.'));
            assertTrue(e.getMessage().contains("network arbitrum (chain 42161) has no " + protocol + " deployment"),
                    e.getMessage());
        }
        assertTrue(Network.mainnet().address("karak.Core").isEmpty(), "no v2 Core known on Ethereum");
    }
}
