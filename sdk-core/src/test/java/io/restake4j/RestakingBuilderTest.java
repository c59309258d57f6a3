package io.restake4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.network.Network;

/** The builder refuses a bad RPC URL or a missing setting at once, typed, without echoing secrets in the URL. */
class RestakingBuilderTest {

    private static InvalidInputException refused(String url) {
        return assertThrows(InvalidInputException.class, () -> Restaking.builder().rpc(url));
    }

    @Test
    void aBadRpcUrlIsRefusedWhenGiven() {
        for (String url : new String[] {"not a url", "", "   ", "ws://127.0.0.1:8546", "127.0.0.1:8545", "http://",
                "ftp://node.example", "file:///etc/passwd"}) {
            InvalidInputException e = refused(url);
            assertEquals(ErrorCode.INVALID_RPC_URL, e.code(), url + ": " + e.getMessage());
            assertEquals(ErrorCode.Kind.CONFIGURATION, e.kind());
            assertEquals("rpc", e.parameter().orElseThrow());
        }
        assertEquals(ErrorCode.INVALID_RPC_URL, refused(null).code());
    }

    @Test
    void theApiKeyInAUrlIsNotRepeated() {
        InvalidInputException e = refused("wss://eth-mainnet.example/v2/SECRETKEY123");
        assertFalse(e.getMessage().contains("SECRETKEY123"), e.getMessage());
        InvalidInputException withUser = refused("ftp://user:hunter2@node.example/x");
        assertFalse(withUser.getMessage().contains("hunter2"), withUser.getMessage());
    }

    @Test
    void goodUrlsPass() {
        Restaking.builder().rpc("http://127.0.0.1:8545");
        Restaking.builder().rpc("https://eth.example/v1/KEY?x=1");
    }

    @Test
    void aMissingSettingIsAConfigurationError() {
        InvalidInputException noTransport = assertThrows(InvalidInputException.class,
                () -> Restaking.builder().network(Network.mainnet()).build());
        assertEquals(ErrorCode.INVALID_CONFIGURATION, noTransport.code(), noTransport.getMessage());
        assertTrue(noTransport.getMessage().contains("rpc"), noTransport.getMessage());
    }
}
