#pragma once
// Orders for `retour publish-orders`, from our JSON or a Shopify-style order export.
//
// JSON: an array (or {"orders": [...]}) whose items are orders (core/order.h) or
// {"order": {...}, "postcode": "..."} when lookups go by postcode (orders carry no
// shipping address).
//
// CSV: Shopify's orders export, one row per line item, grouped by "Name" (the order
// number). Used columns: Name, Email, Created at, Fulfilled at, Currency,
// Shipping Country, Shipping Zip, Id, Shipping, Discount Amount, Lineitem quantity,
// Lineitem name, Lineitem price, Lineitem sku, Lineitem discount. Order-level columns
// are read from the first row of the order that has them. "Lineitem price" is before
// the line's discount; the discount is taken off the line total. "Shipping" becomes
// the order's shipping (its tax is not in the export: 0). "Discount Amount" minus
// the line items' discounts is the order-level discount the core allocates.
// Nothing is coerced: a quantity that is not a whole number, an amount that is not
// one, a second currency in one order are errors naming the CSV line, and that order
// is left out (counted in `invalid`).
#include <string>
#include <vector>

#include "core/order.h"

namespace retour::tools {

struct ImportedOrder {
    Order order;
    std::string postcode;
    std::string source;  // "orders.csv line 12", for messages
};

struct ImportResult {
    std::vector<ImportedOrder> orders;
    std::vector<std::string> errors;  // each names the file, line or item, and pointer
    std::size_t invalid = 0;          // orders (or rows without one) left out
};

ImportResult import_orders_json(const std::string& text, const std::string& path);
ImportResult import_shopify_csv(const std::string& text, const std::string& path);

}  // namespace retour::tools
