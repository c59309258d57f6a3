package io.restake4j.vaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

import io.restake4j.Restaking;
import io.restake4j.errors.DecodedRevert;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.RevertDecoder;
import io.restake4j.network.Network;
import io.restake4j.testing.FakeWeb3jService;
import io.restake4j.tokens.Approvals;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/** What an {@link Erc4626Vault} does before any read: input refusals, laziness, and the local parts of its types. */
class Erc4626VaultTest {

    private static final String VAULT = "0x1111111111111111111111111111111111111111";
    private static final String ASSET = "0x2222222222222222222222222222222222222222";
    private static final String ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    private static Restaking client(FakeWeb3jService node) {
        return Restaking.builder().service(node).network(Network.of("unit", 31337, Map.of())).readOnlyAccount(ALICE)
                .build();
    }

    private static FakeWeb3jService unreachable() {
        return new FakeWeb3jService(r -> {
            throw new IOException("no node in this test: " + r.getMethod());
        });
    }

    @Test
    void buildingTheFourOperationsReadsNothing() {
        FakeWeb3jService node = unreachable();
        try (Restaking client = client(node)) {
            Erc4626Vault vault = client.erc4626(VAULT);
            Token shares = Token.erc20(VAULT, "vTKN", 18);
            Token asset = Token.erc20(ASSET, "TKN", 18);
            assertNotNull(vault.deposit(Amount.parse("1", asset)));
            assertNotNull(vault.mint(Amount.parse("1", shares)));
            assertNotNull(vault.withdraw(Amount.parse("1", asset)));
            assertNotNull(vault.redeem(Amount.parse("1", shares)));
            assertEquals(VAULT, vault.address());
            assertEquals(List.of(), node.methods(), "nothing may be read before preview() or send()");
            assertEquals(0, node.roundTrips());
        }
    }

    @Test
    void badInputIsRefusedBeforeAnyRead() {
        FakeWeb3jService node = unreachable();
        try (Restaking client = client(node)) {
            assertThrows(InvalidInputException.class, () -> client.erc4626("0x1234"));
            Erc4626Vault vault = client.erc4626(VAULT);
            Token asset = Token.erc20(ASSET, "TKN", 18);
            Token otherShares = Token.erc20("0x3333333333333333333333333333333333333333", "xTKN", 18);
            InvalidInputException zero = assertThrows(InvalidInputException.class, () -> vault.deposit(Amount.zero(asset)));
            assertTrue(zero.getMessage().contains("deposit amount must be greater than zero"), zero.getMessage());
            assertThrows(InvalidInputException.class, () -> vault.redeem(Amount.zero(Token.erc20(VAULT, "v", 18))));
            InvalidInputException wrong = assertThrows(InvalidInputException.class,
                    () -> vault.mint(Amount.parse("1", otherShares)));
            assertTrue(wrong.getMessage().contains("expected an amount of the vault's shares"), wrong.getMessage());
            assertThrows(InvalidInputException.class, () -> vault.redeem(Amount.parse("1", asset)),
                    "assets are not shares: the share token is the vault's own address");
            assertThrows(InvalidInputException.class, () -> vault.position("not an address"));
            assertEquals(0, node.roundTrips());
        }
    }

    @Test
    void limitsTellUnlimitedFromCapped() {
        Token asset = Token.erc20(ASSET, "TKN", 6);
        Token shares = Token.erc20(VAULT, "vTKN", 9);
        Amount none = Amount.ofWei(Approvals.UNLIMITED, asset);
        VaultLimits open = new VaultLimits(ALICE, none, Amount.ofWei(Approvals.UNLIMITED, shares), Amount.zero(asset),
                Amount.zero(shares));
        assertFalse(open.depositLimited());
        assertFalse(open.mintLimited());
        VaultLimits capped = new VaultLimits(ALICE, Amount.ofWei(Approvals.UNLIMITED.subtract(BigInteger.ONE), asset),
                Amount.ofWei(BigInteger.valueOf(5), shares), Amount.zero(asset), Amount.zero(shares));
        assertTrue(capped.depositLimited());
        assertTrue(capped.mintLimited());
    }

    @Test
    void theExceededMaxErrorsOfOurInterfaceAreDecodedByName() {
        String selector = Hash.sha3String("ERC4626ExceededMaxDeposit(address,uint256,uint256)").substring(0, 10);
        String data = selector + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
                + "0000000000000000000000000000000000000000000000000000000000000032"
                + "0000000000000000000000000000000000000000000000000000000000000014";
        DecodedRevert decoded = RevertDecoder.standard().decode(data);
        assertEquals(DecodedRevert.Kind.CUSTOM, decoded.kind());
        assertEquals("ERC4626ExceededMaxDeposit", decoded.name());
        assertTrue(decoded.toString().contains("50") && decoded.toString().contains("20"), decoded.toString());
    }
}
