#include "wasm/text.h"

#include <cstring>
#include <map>
#include <string_view>

#include "wasm/ui_context.h"

namespace retour::app {

namespace {

// Portal-only texts, en/de/nl/da/id. Candidates for the core catalogs (then the
// labels and receiver could say them too); kept here so the portal does not block
// on another engineer's files.
struct Extra {
    const char* key;
    const char* text[5];
};
constexpr Extra kExtras[] = {
    {"app.demo_badge_live", {"Demo – sent to the demo receiver", "Demo – geht an den Demo-Empfänger",
                             "Demo – gaat naar de demo-ontvanger", "Demo – sendes til demo-modtageren",
                             "Demo – dikirim ke penerima demo"}},
    {"app.demo_orders", {"Try a demo order", "Demo-Bestellung ausprobieren", "Probeer een demobestelling",
                         "Prøv en demo-ordre", "Coba pesanan demo"}},
    {"app.use_order", {"Use this order", "Diese Bestellung nehmen", "Deze bestelling gebruiken", "Brug denne ordre",
                       "Pakai pesanan ini"}},
    {"app.scenario.eligible", {"Everything can be returned", "Alles kann zurück", "Alles kan retour",
                               "Alt kan returneres", "Semua bisa dikembalikan"}},
    {"app.scenario.final_sale", {"With a final-sale item", "Mit einem Final-Sale-Artikel", "Met een eindsale-artikel",
                                 "Med en slutsalgsvare", "Dengan barang obral final"}},
    {"app.scenario.window_closed", {"Return window closed", "Rückgabefrist abgelaufen", "Retourtermijn verlopen",
                                    "Returfristen er udløbet", "Batas waktu pengembalian lewat"}},
    {"app.scenario.partly_returned", {"Partly returned already", "Schon teilweise zurückgeschickt", "Al deels geretourneerd",
                                      "Allerede delvist returneret", "Sebagian sudah dikembalikan"}},
    {"app.scenario.exchange", {"Exchange for another size", "Umtausch in eine andere Größe", "Ruilen voor een andere maat",
                               "Byt til en anden størrelse", "Tukar ukuran lain"}},
    {"app.scenario.needs_review", {"Needs a review", "Wird geprüft", "Moet beoordeeld worden", "Skal gennemgås",
                                   "Perlu ditinjau"}},
    {"app.outbox", {"Demo outbox – what the shop would receive", "Demo-Postausgang – was der Shop erhalten würde",
                    "Demo-outbox – wat de winkel zou ontvangen", "Demo-udbakke – det butikken ville modtage",
                    "Kotak keluar demo – yang akan diterima toko"}},
    {"app.demo_delivered", {"Delivered to the demo outbox below.", "An den Demo-Postausgang unten übergeben.",
                            "Afgeleverd in de demo-outbox hieronder.", "Leveret til demo-udbakken nedenfor.",
                            "Dikirim ke kotak keluar demo di bawah."}},
    {"app.photo_promise", {"I'll send a photo of the item when asked", "Ich schicke auf Nachfrage ein Foto des Artikels",
                           "Ik stuur op verzoek een foto van het artikel", "Jeg sender et foto af varen, når I beder om det",
                           "Saya akan mengirim foto barang bila diminta"}},
    {"app.start_over", {"Start another return", "Weitere Rücksendung starten", "Nog een retour starten",
                        "Start en ny returnering", "Mulai pengembalian lain"}},
    {"app.items_value", {"Value of the items", "Warenwert", "Waarde van de artikelen", "Varernes værdi", "Nilai barang"}},
    {"app.exchange_total", {"Price difference", "Preisdifferenz", "Prijsverschil", "Prisforskel", "Selisih harga"}},
    {"app.email", {"Email address for updates", "E-Mail-Adresse für Updates", "E-mailadres voor updates",
                   "E-mailadresse til opdateringer", "Alamat email untuk kabar terbaru"}},
    {"app.not_found_demo", {"Tip: pick one of the demo orders below.", "Tipp: Nehmen Sie eine der Demo-Bestellungen unten.",
                            "Tip: kies een van de demobestellingen hieronder.", "Tip: vælg en af demo-ordrerne nedenfor.",
                            "Tips: pilih salah satu pesanan demo di bawah."}},
};

}  // namespace

void set_locale(i18n::Locale l) { ui::context().locale = l; }
i18n::Locale locale() { return ui::context().locale; }

const char* tr(const char* key) {
    if (std::strncmp(key, "app.", 4) == 0) {
        for (const Extra& e : kExtras)
            if (std::strcmp(e.key, key) == 0) return e.text[static_cast<int>(locale())];
        return key;
    }
    return i18n::text(locale(), key);
}

std::string trf(const char* key, const std::vector<i18n::Arg>& args) { return i18n::fill(tr(key), args); }

}  // namespace retour::app
