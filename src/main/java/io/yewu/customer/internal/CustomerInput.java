package io.yewu.customer.internal;

import java.util.List;

/** What a user submits to file a customer or enter a lead (CUS-1). Validated by {@link CustomerValidation}. */
public record CustomerInput(String name, String creditCode, String city, String address, String businessFormat,
                            String customerClass, Boolean keyAccount, Long parentId, String productCategory, String notes,
                            List<String> tags, List<Contact> contacts) {

    /** Invisible format characters are dropped from names and identity keys before anything else sees them. */
    public record Contact(String name, String phone, String email, String position) {
        public Contact {
            name = CustomerKeys.clean(name);
            phone = CustomerKeys.clean(phone);
            email = CustomerKeys.clean(email);
        }
    }

    public CustomerInput {
        name = CustomerKeys.clean(name);
        creditCode = CustomerKeys.clean(creditCode);
        tags = tags == null ? List.of() : tags.stream().map(CustomerKeys::clean).toList();
        contacts = contacts == null ? List.of() : contacts;
    }

    List<String> phones() {
        return contacts.stream().map(Contact::phone).toList();
    }

    List<String> emails() {
        return contacts.stream().map(Contact::email).toList();
    }
}
