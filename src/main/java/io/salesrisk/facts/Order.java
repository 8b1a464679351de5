package io.salesrisk.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The sales order under evaluation. {@code amount} is converted to the base currency so it can be
 * compared with limits and exposure; {@code originalAmount} and {@code currency} are as the order was placed.
 */
public class Order {

    private String id;
    private String customerId;
    private BigDecimal amount = BigDecimal.ZERO;
    private String currency;
    private BigDecimal originalAmount = BigDecimal.ZERO;
    private LocalDate orderDate;
    private int paymentTermsDays;
    private BigDecimal discountPercent = BigDecimal.ZERO;
    private boolean contractSigned;
    private String salesRep;
    private LocalDate requestedDeliveryDate;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = CreditExposure.money(amount); }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getOriginalAmount() { return originalAmount; }
    public void setOriginalAmount(BigDecimal originalAmount) { this.originalAmount = CreditExposure.money(originalAmount); }
    public LocalDate getOrderDate() { return orderDate; }
    public void setOrderDate(LocalDate orderDate) { this.orderDate = orderDate; }
    public int getPaymentTermsDays() { return paymentTermsDays; }
    public void setPaymentTermsDays(int paymentTermsDays) { this.paymentTermsDays = paymentTermsDays; }
    public BigDecimal getDiscountPercent() { return discountPercent; }
    public void setDiscountPercent(BigDecimal discountPercent) { this.discountPercent = discountPercent; }
    public boolean isContractSigned() { return contractSigned; }
    public void setContractSigned(boolean contractSigned) { this.contractSigned = contractSigned; }
    public String getSalesRep() { return salesRep; }
    public void setSalesRep(String salesRep) { this.salesRep = salesRep; }
    public LocalDate getRequestedDeliveryDate() { return requestedDeliveryDate; }
    public void setRequestedDeliveryDate(LocalDate requestedDeliveryDate) { this.requestedDeliveryDate = requestedDeliveryDate; }

    /** A field-by-field copy, so a replay can give each rule set its own facts. */
    public Order copy() {
        Order copy = new Order();
        copy.id = id;
        copy.customerId = customerId;
        copy.amount = amount;
        copy.currency = currency;
        copy.originalAmount = originalAmount;
        copy.orderDate = orderDate;
        copy.paymentTermsDays = paymentTermsDays;
        copy.discountPercent = discountPercent;
        copy.contractSigned = contractSigned;
        copy.salesRep = salesRep;
        copy.requestedDeliveryDate = requestedDeliveryDate;
        return copy;
    }
}
