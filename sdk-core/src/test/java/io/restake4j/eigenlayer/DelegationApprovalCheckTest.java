package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.restake4j.Restaking;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;

/**
 * {@code delegateTo} and {@code redelegate} refuse an approval for another staker or operator, or an expired one,
 * when called: the client points at a node that does not exist, so nothing can have been read, signed or sent.
 */
class DelegationApprovalCheckTest {

    // a throwaway key (anvil's account 4); nothing is sent
    private static final String KEY = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";
    private static final String OPERATOR = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final String OTHER = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    private static final String APPROVER = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";

    private static DelegationApproval approval(String staker, String operator, Instant expiry) {
        DelegationApprovalRequest request = new DelegationApprovalRequest(staker, operator, APPROVER, new byte[32],
                BigInteger.valueOf(expiry.getEpochSecond()));
        byte[] sig = new byte[65];
        sig[64] = 27;
        return new DelegationApproval(request, sig);
    }

    private static Restaking offline(Signer signer) {
        return Restaking.builder().rpc("http://127.0.0.1:1").network(Network.mainnet()).signer(signer).build();
    }

    @Test
    void anApprovalForAnotherStakerOrOperatorOrPastItsExpiryIsRefusedAtOnce() {
        Signer signer = Signer.privateKey(KEY);
        Instant later = Instant.now().plus(Duration.ofHours(1));
        try (Restaking client = offline(signer)) {
            EigenLayer el = client.eigenLayer();

            InvalidInputException staker = assertThrows(InvalidInputException.class,
                    () -> el.delegateTo(OPERATOR, approval(OTHER, OPERATOR, later)));
            assertTrue(staker.getMessage().contains("for staker " + OTHER), staker.getMessage());
            assertTrue(staker.getMessage().contains(signer.address()), staker.getMessage());

            InvalidInputException operator = assertThrows(InvalidInputException.class,
                    () -> el.delegateTo(OPERATOR, approval(signer.address(), OTHER, later)));
            assertTrue(operator.getMessage().contains("for operator " + OTHER), operator.getMessage());

            InvalidInputException expired = assertThrows(InvalidInputException.class,
                    () -> el.delegateTo(OPERATOR, approval(signer.address(), OPERATOR, Instant.now().minusSeconds(5))));
            assertTrue(expired.getMessage().contains("expired"), expired.getMessage());

            InvalidInputException redelegate = assertThrows(InvalidInputException.class,
                    () -> el.redelegate(OPERATOR, approval(OTHER, OPERATOR, later)));
            assertTrue(redelegate.getMessage().contains("for staker"), redelegate.getMessage());

            // the right staker and operator (any address case) pass this check; the chain's checks come at preview
            assertDoesNotThrow(() -> el.delegateTo(OPERATOR.toLowerCase(java.util.Locale.ROOT),
                    approval(signer.address().toLowerCase(java.util.Locale.ROOT), OPERATOR, later)));
            assertDoesNotThrow(() -> el.delegateTo(OPERATOR, null));
        }
    }

    @Test
    void theApprovalCarriesItsRequest() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        DelegationApproval a = approval(OTHER, OPERATOR, later);
        assertEquals(OTHER, a.staker());
        assertEquals(OPERATOR, a.operator());
        assertEquals(APPROVER, a.approver());
        assertEquals(BigInteger.valueOf(later.getEpochSecond()), a.expiry());
        assertEquals(32, a.salt().length);
        assertEquals(a, approval(OTHER, OPERATOR, later));
    }
}
