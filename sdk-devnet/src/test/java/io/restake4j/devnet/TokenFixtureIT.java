package io.restake4j.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.contracts.common.ERC20;
import io.restake4j.contracts.common.ERC20Permit;
import io.restake4j.devnet.fixtures.common.TestToken;

/**
 * The token fixture through the generated wrappers, on the shared devnet of {@link DevnetTest}.
 * The tests run in order: the second one checks that the first one's changes were reverted.
 */
@DevnetTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenFixtureIT {

    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000L);

    private static String token;
    private static String deployedByFirstTest;

    @BeforeAll
    static void deployAndFund(Devnet devnet, @Account(0) Credentials alice) throws Exception {
        TestToken fixture = devnet.deployToken("Test USD", "TUSD", 6);
        fixture.send_mint(alice.getAddress(), MILLION.multiply(MILLION)).send(); // 1,000,000.000000 TUSD
        token = fixture.getContractAddress();
    }

    @Test
    @Order(1)
    void transferIsMinedAndItsEventDecodesThroughTheWrapper(Devnet devnet, Web3j web3j,
            @Account(0) Credentials alice, @Account(1) Credentials bob) throws Exception {
        ERC20 asAlice = ERC20.load(token, web3j, devnet.transactionManager(alice), devnet.gasProvider());
        BigInteger amount = BigInteger.valueOf(250_500_000L); // 250.5 TUSD

        TransactionReceipt receipt = asAlice.send_transfer(bob.getAddress(), amount).send();

        assertTrue(receipt.isStatusOK());
        List<ERC20.TransferEventResponse> transfers = ERC20.getTransferEvents(receipt);
        assertEquals(1, transfers.size());
        assertEquals(alice.getAddress(), transfers.get(0).from);
        assertEquals(bob.getAddress(), transfers.get(0).to);
        assertEquals(amount, transfers.get(0).value);
        assertEquals(amount, asAlice.call_balanceOf(bob.getAddress()).send());
        assertEquals("TUSD", asAlice.call_symbol().send());
        assertEquals(BigInteger.valueOf(6), asAlice.call_decimals().send());

        deployedByFirstTest = devnet.deployToken("Scratch", "SCR", 18).getContractAddress();
        assertTrue(code(web3j, deployedByFirstTest).length() > 2);
    }

    @Test
    @Order(2)
    void theNextTestSeesTheClassStateButNoneOfThePreviousTest(Devnet devnet, Web3j web3j,
            @Account(0) Credentials alice, @Account(1) Credentials bob) throws Exception {
        assertNotNull(deployedByFirstTest, "runs after the first test");
        ERC20 reader = ERC20.load(token, web3j, devnet.transactionManager(alice), devnet.gasProvider());
        assertEquals(BigInteger.ZERO, reader.call_balanceOf(bob.getAddress()).send(), "the transfer was reverted");
        assertEquals(MILLION.multiply(MILLION), reader.call_balanceOf(alice.getAddress()).send(), "@BeforeAll state kept");
        assertEquals("0x", code(web3j, deployedByFirstTest), "the contract deployed by the first test is gone");
    }

    @Test
    @Order(3)
    void anOverdraftRevertsWithTheTokensCustomError(Web3j web3j, @Account(1) Credentials bob,
            @Account(2) Credentials carol) throws Exception {
        String calldata = ERC20.getABI_send_transfer(carol.getAddress(), BigInteger.ONE);
        EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(bob.getAddress(), token, calldata),
                DefaultBlockParameterName.LATEST).send();
        assertTrue(call.isReverted());
        String data = call.getRevertReasonEncodedData().replace("\"", "");
        String selector = org.web3j.abi.EventEncoder.buildEventSignature(
                ERC20Permit.ERC20INSUFFICIENTBALANCE_ERROR.getName() + "(address,uint256,uint256)").substring(0, 10);
        assertEquals(selector, data.substring(0, 10), "ERC20InsufficientBalance(address,uint256,uint256)");
        assertEquals(new Address(bob.getAddress()).toString().substring(2), data.substring(10 + 24, 10 + 64));
    }

    private static String code(Web3j web3j, String address) throws Exception {
        return web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
    }
}
