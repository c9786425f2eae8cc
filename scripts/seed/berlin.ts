// Demo data: restaurants of different cuisines across Berlin, each with a menu of realistic
// dishes and prices (integer cents, EUR). Used by `npm start`, the browser tests and benchmarks.

import { allDay, WEEKDAYS, type OpeningHours, type OptionGroup } from "../../functions/src/domain";
export { CITY, NEIGHBOURHOODS } from "../../functions/src/domain";

export interface SeedItem {
  name: string;
  description: string;
  category: string;
  price: number;
  available?: boolean;
  optionGroups?: OptionGroup[];
}

export interface SeedRestaurant {
  key: string;
  name: string;
  cuisine: string;
  description: string;
  address: { line1: string; city: string; lat: number; lng: number };
  openingHours: OpeningHours;
  prepTimeMin: number;
  deliveryRadiusM: number;
  deliveryFee: number;
  minOrder: number;
  menu: SeedItem[];
}

const size = (large: number): OptionGroup => ({
  id: "size",
  name: "Size",
  min: 1,
  max: 1,
  options: [
    { id: "regular", name: "Regular", priceDelta: 0 },
    { id: "large", name: "Large", priceDelta: large },
  ],
});
const extras = (name: string, options: [string, string, number][], max = 3): OptionGroup => ({
  id: "extras",
  name,
  min: 0,
  max,
  options: options.map(([id, label, priceDelta]) => ({ id, name: label, priceDelta })),
});
const spice: OptionGroup = {
  id: "spice",
  name: "Spice level",
  min: 1,
  max: 1,
  options: [
    { id: "mild", name: "Mild", priceDelta: 0 },
    { id: "medium", name: "Medium", priceDelta: 0 },
    { id: "hot", name: "Hot", priceDelta: 0 },
  ],
};
const weekdaysBreakfast: OpeningHours = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat"].map((d) => [d, "07:00-15:00"]),
);
/** The same hours every day of the week. */
const daily = (hours: string): OpeningHours => Object.fromEntries(WEEKDAYS.map((d) => [d, hours]));
/** Later on Friday and Saturday nights. */
const lateAtWeekends = (hours: string, weekend: string): OpeningHours => ({
  ...daily(hours),
  fri: weekend,
  sat: weekend,
});

export const RESTAURANTS: SeedRestaurant[] = [
  {
    key: "trattoria",
    name: "Trattoria Rosa",
    cuisine: "Italian",
    description: "Wood-fired pizza and fresh pasta from a family kitchen in Prenzlauer Berg.",
    address: { line1: "Kastanienallee 42", city: "Berlin", lat: 52.5372, lng: 13.4108 },
    openingHours: daily("12:00-15:00,17:30-23:00"),
    prepTimeMin: 20,
    deliveryRadiusM: 5000,
    deliveryFee: 249,
    minOrder: 1200,
    menu: [
      { name: "Bruschetta", description: "Grilled bread, tomatoes, basil, garlic.", category: "Starters", price: 650 },
      {
        name: "Burrata",
        description: "Creamy burrata with cherry tomatoes and pesto.",
        category: "Starters",
        price: 990,
      },
      {
        name: "Pizza Margherita",
        description: "San Marzano tomatoes, fior di latte, basil.",
        category: "Pizza",
        price: 950,
        optionGroups: [
          size(350),
          extras("Extra toppings", [
            ["mozzarella", "Extra mozzarella", 150],
            ["olives", "Olives", 100],
            ["chili", "Chili oil", 50],
          ]),
        ],
      },
      {
        name: "Pizza Diavola",
        description: "Spicy salami, tomato, mozzarella.",
        category: "Pizza",
        price: 1190,
        optionGroups: [size(350)],
      },
      {
        name: "Pizza Funghi",
        description: "Mushrooms, mozzarella, thyme.",
        category: "Pizza",
        price: 1090,
        optionGroups: [size(350)],
      },
      { name: "Tagliatelle al Ragù", description: "Slow-cooked beef ragù, parmesan.", category: "Pasta", price: 1390 },
      {
        name: "Spaghetti Carbonara",
        description: "Guanciale, egg yolk, pecorino, black pepper.",
        category: "Pasta",
        price: 1290,
      },
      { name: "Penne Arrabbiata", description: "Tomato, garlic, chili.", category: "Pasta", price: 1050 },
      { name: "Tiramisù", description: "Mascarpone, espresso, cocoa.", category: "Desserts", price: 650 },
      { name: "Panna Cotta", description: "With berry coulis.", category: "Desserts", price: 590, available: false },
      { name: "San Pellegrino 0.5 l", description: "Sparkling water.", category: "Drinks", price: 290 },
      { name: "Chinotto", description: "Italian bitter citrus soda.", category: "Drinks", price: 350 },
    ],
  },
  {
    key: "sakura",
    name: "Sakura Sushi",
    cuisine: "Japanese",
    description: "Nigiri, maki and ramen near Hackescher Markt.",
    address: { line1: "Rosenthaler Straße 12", city: "Berlin", lat: 52.5262, lng: 13.4019 },
    openingHours: daily("11:30-22:30"),
    prepTimeMin: 25,
    deliveryRadiusM: 6000,
    deliveryFee: 299,
    minOrder: 1500,
    menu: [
      { name: "Edamame", description: "Steamed soy beans with sea salt.", category: "Starters", price: 450 },
      { name: "Miso Soup", description: "Tofu, wakame, spring onion.", category: "Starters", price: 390 },
      { name: "Gyoza (6)", description: "Pan-fried chicken dumplings.", category: "Starters", price: 690 },
      { name: "Salmon Nigiri (2)", description: "Norwegian salmon on rice.", category: "Nigiri", price: 550 },
      { name: "Tuna Nigiri (2)", description: "Yellowfin tuna on rice.", category: "Nigiri", price: 650 },
      { name: "California Roll (8)", description: "Crab, avocado, cucumber, sesame.", category: "Maki", price: 990 },
      { name: "Spicy Tuna Roll (8)", description: "Tuna, chili mayo, cucumber.", category: "Maki", price: 1090 },
      { name: "Avocado Maki (6)", description: "Vegan.", category: "Maki", price: 590 },
      {
        name: "Tonkotsu Ramen",
        description: "Pork broth, chashu, egg, noodles.",
        category: "Ramen",
        price: 1450,
        optionGroups: [
          extras("Add-ons", [
            ["egg", "Extra egg", 150],
            ["chashu", "Extra chashu", 350],
            ["noodles", "Extra noodles", 200],
          ]),
        ],
      },
      { name: "Shoyu Ramen", description: "Soy broth, chicken, bamboo shoots.", category: "Ramen", price: 1350 },
      { name: "Matcha Ice Cream", description: "Two scoops.", category: "Desserts", price: 490 },
      { name: "Ramune", description: "Japanese lemonade.", category: "Drinks", price: 350 },
    ],
  },
  {
    key: "saigon",
    name: "Saigon Kitchen",
    cuisine: "Vietnamese",
    description: "Pho, bún and banh mi from Friedrichshain.",
    address: { line1: "Simon-Dach-Straße 20", city: "Berlin", lat: 52.5098, lng: 13.4571 },
    openingHours: daily("11:00-22:00"),
    prepTimeMin: 15,
    deliveryRadiusM: 5000,
    deliveryFee: 199,
    minOrder: 1000,
    menu: [
      {
        name: "Summer Rolls (2)",
        description: "Rice paper, shrimp, herbs, peanut sauce.",
        category: "Starters",
        price: 590,
      },
      { name: "Crispy Spring Rolls (4)", description: "Pork and glass noodles.", category: "Starters", price: 550 },
      {
        name: "Pho Bo",
        description: "Beef noodle soup with herbs.",
        category: "Soups",
        price: 1290,
        optionGroups: [size(250)],
      },
      {
        name: "Pho Chay",
        description: "Vegan noodle soup with tofu.",
        category: "Soups",
        price: 1150,
        optionGroups: [size(250)],
      },
      { name: "Bún Bò Nam Bộ", description: "Rice noodles, beef, peanuts, herbs.", category: "Bowls", price: 1250 },
      { name: "Bún Chả", description: "Grilled pork, noodles, dipping broth.", category: "Bowls", price: 1290 },
      { name: "Banh Mi Thit", description: "Baguette, pork, pickles, coriander.", category: "Banh Mi", price: 790 },
      { name: "Banh Mi Tofu", description: "Baguette, lemongrass tofu, pickles.", category: "Banh Mi", price: 750 },
      {
        name: "Curry Ga",
        description: "Chicken coconut curry with rice.",
        category: "Bowls",
        price: 1190,
        optionGroups: [spice],
      },
      { name: "Che Ba Mau", description: "Three-colour dessert.", category: "Desserts", price: 450 },
      { name: "Vietnamese Iced Coffee", description: "With condensed milk.", category: "Drinks", price: 390 },
    ],
  },
  {
    key: "anatolia",
    name: "Anatolia Grill",
    cuisine: "Turkish",
    description: "Charcoal grill, mezze and the Kreuzberg döner, around the clock.",
    address: { line1: "Oranienstraße 170", city: "Berlin", lat: 52.501, lng: 13.4185 },
    openingHours: allDay(),
    prepTimeMin: 15,
    deliveryRadiusM: 4000,
    deliveryFee: 149,
    minOrder: 1000,
    menu: [
      { name: "Hummus", description: "With warm pide.", category: "Mezze", price: 550 },
      { name: "Ezme", description: "Spicy tomato and pepper salad.", category: "Mezze", price: 490 },
      { name: "Sigara Böreği (4)", description: "Filo rolls with feta.", category: "Mezze", price: 590 },
      {
        name: "Döner Kebab",
        description: "Veal, salad, three sauces, in bread.",
        category: "Döner",
        price: 750,
        optionGroups: [
          extras("Extras", [
            ["feta", "Feta", 100],
            ["halloumi", "Halloumi", 200],
            ["extra-meat", "Extra meat", 250],
          ]),
        ],
      },
      { name: "Dürüm", description: "Wrapped in yufka.", category: "Döner", price: 800 },
      { name: "Döner Teller", description: "Plate with rice and salad.", category: "Döner", price: 1250 },
      { name: "Adana Kebab", description: "Spiced minced lamb skewer with bulgur.", category: "Grill", price: 1490 },
      { name: "Chicken Shish", description: "Marinated chicken skewers with rice.", category: "Grill", price: 1390 },
      { name: "Lahmacun", description: "Thin flatbread with spiced mince.", category: "Oven", price: 550 },
      { name: "Baklava (4)", description: "Pistachio.", category: "Desserts", price: 490 },
      { name: "Ayran", description: "Salted yoghurt drink.", category: "Drinks", price: 250 },
    ],
  },
  {
    key: "curry",
    name: "Curry Corner",
    cuisine: "Indian",
    description: "North Indian curries and tandoor in Neukölln.",
    address: { line1: "Weserstraße 58", city: "Berlin", lat: 52.4852, lng: 13.4335 },
    openingHours: daily("12:00-23:00"),
    prepTimeMin: 25,
    deliveryRadiusM: 5000,
    deliveryFee: 199,
    minOrder: 1500,
    menu: [
      { name: "Samosa (2)", description: "Potatoes and peas in pastry.", category: "Starters", price: 490 },
      { name: "Onion Bhaji", description: "With tamarind chutney.", category: "Starters", price: 450 },
      {
        name: "Chicken Tikka Masala",
        description: "Tandoori chicken in tomato cream.",
        category: "Curries",
        price: 1390,
        optionGroups: [spice],
      },
      { name: "Butter Chicken", description: "Mild, buttery tomato sauce.", category: "Curries", price: 1390 },
      {
        name: "Lamb Rogan Josh",
        description: "Kashmiri lamb curry.",
        category: "Curries",
        price: 1590,
        optionGroups: [spice],
      },
      {
        name: "Palak Paneer",
        description: "Spinach and cottage cheese.",
        category: "Curries",
        price: 1190,
        optionGroups: [spice],
      },
      {
        name: "Chana Masala",
        description: "Chickpeas, vegan.",
        category: "Curries",
        price: 1050,
        optionGroups: [spice],
      },
      { name: "Plain Naan", description: "From the tandoor.", category: "Breads", price: 250 },
      { name: "Garlic Naan", description: "With garlic butter.", category: "Breads", price: 320 },
      { name: "Basmati Rice", description: "Steamed.", category: "Sides", price: 300 },
      { name: "Mango Lassi", description: "Yoghurt and mango.", category: "Drinks", price: 390 },
    ],
  },
  {
    key: "burger",
    name: "Burger Werk",
    cuisine: "Burgers",
    description: "Smashed patties, brioche buns, hand-cut fries.",
    address: { line1: "Goltzstraße 31", city: "Berlin", lat: 52.4925, lng: 13.354 },
    openingHours: lateAtWeekends("11:30-23:00", "11:30-24:00"),
    prepTimeMin: 15,
    deliveryRadiusM: 5000,
    deliveryFee: 249,
    minOrder: 1200,
    menu: [
      {
        name: "Classic Burger",
        description: "Beef, cheddar, pickles, house sauce.",
        category: "Burgers",
        price: 1090,
        optionGroups: [
          extras("Extras", [
            ["bacon", "Bacon", 150],
            ["patty", "Extra patty", 300],
            ["jalapenos", "Jalapeños", 80],
          ]),
        ],
      },
      { name: "Double Smash", description: "Two patties, double cheese.", category: "Burgers", price: 1390 },
      { name: "BBQ Bacon Burger", description: "Bacon, onion rings, BBQ sauce.", category: "Burgers", price: 1290 },
      { name: "Veggie Burger", description: "Black bean patty, avocado.", category: "Burgers", price: 1090 },
      { name: "Crispy Chicken Burger", description: "Buttermilk chicken, slaw.", category: "Burgers", price: 1190 },
      { name: "Fries", description: "Hand-cut, sea salt.", category: "Sides", price: 390, optionGroups: [size(150)] },
      { name: "Sweet Potato Fries", description: "With aioli.", category: "Sides", price: 490 },
      { name: "Onion Rings", description: "Beer batter.", category: "Sides", price: 450 },
      { name: "Chocolate Shake", description: "Real ice cream.", category: "Drinks", price: 550 },
      { name: "Lemonade", description: "Homemade.", category: "Drinks", price: 350 },
    ],
  },
  {
    key: "taqueria",
    name: "Taquería Luna",
    cuisine: "Mexican",
    description: "Tacos, burritos and fresh salsas in Wedding.",
    address: { line1: "Müllerstraße 140", city: "Berlin", lat: 52.5486, lng: 13.3561 },
    openingHours: lateAtWeekends("12:00-22:30", "12:00-24:00"),
    prepTimeMin: 20,
    deliveryRadiusM: 5000,
    deliveryFee: 199,
    minOrder: 1000,
    menu: [
      { name: "Nachos", description: "Cheese, jalapeños, pico de gallo.", category: "Starters", price: 690 },
      { name: "Guacamole & Chips", description: "Made to order.", category: "Starters", price: 650 },
      {
        name: "Tacos al Pastor (3)",
        description: "Pork, pineapple, onion, coriander.",
        category: "Tacos",
        price: 1050,
      },
      { name: "Tacos de Pollo (3)", description: "Chipotle chicken.", category: "Tacos", price: 990 },
      { name: "Tacos de Hongos (3)", description: "Mushrooms, vegan.", category: "Tacos", price: 950 },
      {
        name: "Burrito",
        description: "Rice, beans, cheese, salsa.",
        category: "Burritos",
        price: 1150,
        optionGroups: [
          {
            id: "filling",
            name: "Filling",
            min: 1,
            max: 1,
            options: [
              { id: "chicken", name: "Chicken", priceDelta: 0 },
              { id: "beef", name: "Beef", priceDelta: 150 },
              { id: "veggie", name: "Veggie", priceDelta: -100 },
            ],
          },
        ],
      },
      { name: "Quesadilla", description: "Cheese and peppers.", category: "Burritos", price: 890 },
      { name: "Elote", description: "Grilled corn, cotija, lime.", category: "Sides", price: 450 },
      { name: "Churros", description: "With chocolate sauce.", category: "Desserts", price: 550 },
      { name: "Horchata", description: "Rice and cinnamon drink.", category: "Drinks", price: 390 },
    ],
  },
  {
    key: "greenbowl",
    name: "Green Bowl",
    cuisine: "Vegan",
    description: "Plant-based bowls, salads and smoothies in Charlottenburg.",
    address: { line1: "Kantstraße 88", city: "Berlin", lat: 52.5058, lng: 13.3035 },
    openingHours: daily("10:00-21:00"),
    prepTimeMin: 10,
    deliveryRadiusM: 4500,
    deliveryFee: 199,
    minOrder: 1000,
    menu: [
      {
        name: "Buddha Bowl",
        description: "Quinoa, roasted veg, tahini.",
        category: "Bowls",
        price: 1190,
        optionGroups: [
          extras("Toppings", [
            ["avocado", "Avocado", 200],
            ["tofu", "Smoked tofu", 150],
            ["seeds", "Seed mix", 80],
          ]),
        ],
      },
      { name: "Poke Bowl", description: "Marinated tofu, edamame, rice.", category: "Bowls", price: 1250 },
      { name: "Falafel Bowl", description: "Hummus, tabbouleh, pickles.", category: "Bowls", price: 1150 },
      { name: "Kale Caesar", description: "Kale, croutons, cashew dressing.", category: "Salads", price: 990 },
      { name: "Beetroot Salad", description: "Beets, walnuts, orange.", category: "Salads", price: 950 },
      { name: "Lentil Soup", description: "Red lentils, cumin, lemon.", category: "Soups", price: 690 },
      { name: "Sweet Potato Wrap", description: "Black beans, salsa.", category: "Wraps", price: 890 },
      {
        name: "Green Smoothie",
        description: "Spinach, banana, mango.",
        category: "Drinks",
        price: 550,
        optionGroups: [size(150)],
      },
      { name: "Berry Smoothie", description: "Berries, oat milk.", category: "Drinks", price: 550 },
      { name: "Raw Brownie", description: "Dates, cacao, walnuts.", category: "Desserts", price: 450 },
    ],
  },
  {
    key: "baeckerei",
    name: "Bäckerei Morgen",
    cuisine: "Bakery",
    description: "Breakfast and pastries, mornings only.",
    address: { line1: "Bergmannstraße 5", city: "Berlin", lat: 52.489, lng: 13.395 },
    openingHours: weekdaysBreakfast,
    prepTimeMin: 10,
    deliveryRadiusM: 3500,
    deliveryFee: 149,
    minOrder: 800,
    menu: [
      { name: "Butter Croissant", description: "Baked this morning.", category: "Pastries", price: 220 },
      { name: "Franzbrötchen", description: "Cinnamon pastry.", category: "Pastries", price: 260 },
      { name: "Pain au Chocolat", description: "Dark chocolate.", category: "Pastries", price: 260 },
      { name: "Rye Bread Loaf", description: "Sourdough, 750 g.", category: "Bread", price: 490 },
      { name: "Pretzel", description: "With butter.", category: "Bread", price: 190 },
      { name: "Avocado Toast", description: "Sourdough, chili, lime.", category: "Breakfast", price: 850 },
      { name: "Granola Bowl", description: "Yoghurt, berries.", category: "Breakfast", price: 690 },
      { name: "Cheese Sandwich", description: "Mountain cheese, pickles.", category: "Sandwiches", price: 550 },
      { name: "Flat White", description: "Double shot.", category: "Coffee", price: 350 },
      { name: "Cappuccino", description: "Oat milk on request.", category: "Coffee", price: 330 },
    ],
  },
];

export const DEMO_PASSWORD = "dishpatch-demo";

export const DEMO_ACCOUNTS = [
  { email: "customer@dishpatch.test", displayName: "Clara Customer", role: "customer" as const },
  {
    email: "owner.trattoria@dishpatch.test",
    displayName: "Rosa Bianchi",
    role: "owner" as const,
    restaurant: "trattoria",
  },
  {
    email: "kitchen.trattoria@dishpatch.test",
    displayName: "Marco Rossi",
    role: "kitchen" as const,
    restaurant: "trattoria",
  },
  { email: "owner.sakura@dishpatch.test", displayName: "Kenji Sato", role: "owner" as const, restaurant: "sakura" },
  { email: "courier@dishpatch.test", displayName: "Cem Courier", role: "courier" as const },
  { email: "admin@dishpatch.test", displayName: "Ada Admin", role: "admin" as const },
];

export const CUSTOMER_ADDRESSES = [
  { label: "Home", line1: "Torstraße 100", city: "Berlin", lat: 52.529, lng: 13.401 },
  { label: "Work", line1: "Skalitzer Straße 60", city: "Berlin", lat: 52.4995, lng: 13.42 },
];

/** A platform-funded code for first orders, listed to every customer (uncapped: no allocations). */
export const WELCOME = {
  code: "WELCOME",
  description: "20 % off your first order, up to €8, from €15.",
  kind: "percent" as const,
  percentBps: 2000,
  amountCents: 0,
  minSubtotal: 1500,
  maxDiscount: 800,
  firstOrderOnly: true,
  perCustomerLimit: 1,
  maxRedemptions: null,
  budgetCents: null,
  restaurantId: null,
  fundedBy: "platform" as const,
  paused: false,
  public: true,
};
