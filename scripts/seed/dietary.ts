// What is in each demo dish: the allergens a German restaurant must declare, and its diets.
// Kept apart from the menus so those stay readable. "veg" is vegetarian, "vegan" implies it.

import type { Allergen, Diet } from "../../functions/src/domain";

type Facts = [allergens: Allergen[], diet?: ("veg" | "vegan" | "spicy")[]];

const DISHES: Record<string, Facts> = {
  Bruschetta: [["gluten"], ["vegan"]],
  Burrata: [["milk", "nuts"], ["veg"]],
  "Pizza Margherita": [["gluten", "milk"], ["veg"]],
  "Pizza Diavola": [["gluten", "milk"], ["spicy"]],
  "Pizza Funghi": [["gluten", "milk"], ["veg"]],
  "Tagliatelle al Ragù": [["gluten", "eggs", "milk", "celery"]],
  "Spaghetti Carbonara": [["gluten", "eggs", "milk"]],
  "Penne Arrabbiata": [["gluten"], ["vegan", "spicy"]],
  Tiramisù: [["gluten", "eggs", "milk"], ["veg"]],
  "Panna Cotta": [["milk"], []],
  "San Pellegrino 0.5 l": [[], ["vegan"]],
  Chinotto: [[], ["vegan"]],
  Edamame: [["soy"], ["vegan"]],
  "Miso Soup": [["soy"], ["vegan"]],
  "Gyoza (6)": [["gluten", "soy", "sesame"]],
  "Salmon Nigiri (2)": [["fish"]],
  "Tuna Nigiri (2)": [["fish"]],
  "California Roll (8)": [["crustaceans", "eggs", "sesame", "soy"]],
  "Spicy Tuna Roll (8)": [["fish", "eggs", "soy"], ["spicy"]],
  "Avocado Maki (6)": [["sesame"], ["vegan"]],
  "Tonkotsu Ramen": [["gluten", "eggs", "soy", "sesame"]],
  "Shoyu Ramen": [["gluten", "soy"]],
  "Matcha Ice Cream": [["milk", "eggs"], ["veg"]],
  Ramune: [[], ["vegan"]],
  "Summer Rolls (2)": [["crustaceans", "peanuts", "fish"]],
  "Crispy Spring Rolls (4)": [["gluten", "soy"]],
  "Pho Bo": [["fish"]],
  "Pho Chay": [["soy"], ["vegan"]],
  "Bún Bò Nam Bộ": [["peanuts", "fish"]],
  "Bún Chả": [["fish"]],
  "Banh Mi Thit": [["gluten", "eggs", "soy"]],
  "Banh Mi Tofu": [["gluten", "soy"], ["vegan"]],
  "Curry Ga": [["fish"], ["spicy"]],
  "Che Ba Mau": [["milk"], ["veg"]],
  "Vietnamese Iced Coffee": [["milk"], ["veg"]],
  Hummus: [["gluten", "sesame"], ["vegan"]],
  Ezme: [[], ["vegan", "spicy"]],
  "Sigara Böreği (4)": [["gluten", "milk", "eggs"], ["veg"]],
  "Döner Kebab": [["gluten", "milk", "sesame", "mustard"]],
  Dürüm: [["gluten", "milk", "mustard"]],
  "Döner Teller": [["milk", "mustard"]],
  "Adana Kebab": [["gluten"], ["spicy"]],
  "Chicken Shish": [["milk"]],
  Lahmacun: [["gluten"], ["spicy"]],
  "Baklava (4)": [["gluten", "nuts", "milk"], ["veg"]],
  Ayran: [["milk"], ["veg"]],
  "Samosa (2)": [["gluten"], ["vegan"]],
  "Onion Bhaji": [[], ["vegan"]],
  "Chicken Tikka Masala": [["milk", "nuts"], ["spicy"]],
  "Butter Chicken": [["milk", "nuts"]],
  "Lamb Rogan Josh": [["milk"], ["spicy"]],
  "Palak Paneer": [["milk"], ["veg"]],
  "Chana Masala": [[], ["vegan", "spicy"]],
  "Plain Naan": [["gluten", "milk"], ["veg"]],
  "Garlic Naan": [["gluten", "milk"], ["veg"]],
  "Basmati Rice": [[], ["vegan"]],
  "Mango Lassi": [["milk"], ["veg"]],
  "Classic Burger": [["gluten", "milk", "eggs", "mustard", "sesame"]],
  "Double Smash": [["gluten", "milk", "eggs", "mustard", "sesame"]],
  "BBQ Bacon Burger": [["gluten", "milk", "eggs", "mustard", "sesame"]],
  "Veggie Burger": [["gluten", "sesame", "soy"], ["vegan"]],
  "Crispy Chicken Burger": [["gluten", "milk", "eggs", "sesame"]],
  Fries: [[], ["vegan"]],
  "Sweet Potato Fries": [["eggs"], ["veg"]],
  "Onion Rings": [["gluten"], ["vegan"]],
  "Chocolate Shake": [["milk", "soy"], ["veg"]],
  Lemonade: [[], ["vegan"]],
  Nachos: [["milk"], ["veg", "spicy"]],
  "Guacamole & Chips": [[], ["vegan"]],
  "Tacos al Pastor (3)": [[], ["spicy"]],
  "Tacos de Pollo (3)": [[], ["spicy"]],
  "Tacos de Hongos (3)": [[], ["vegan"]],
  Burrito: [["gluten", "milk"]],
  Quesadilla: [["gluten", "milk"], ["veg"]],
  Elote: [["milk"], ["veg"]],
  Churros: [["gluten", "eggs", "milk"], ["veg"]],
  Horchata: [["nuts"], ["vegan"]],
  "Buddha Bowl": [["sesame", "soy"], ["vegan"]],
  "Poke Bowl": [["soy", "sesame"], ["vegan"]],
  "Falafel Bowl": [["sesame", "gluten"], ["vegan"]],
  "Kale Caesar": [["gluten", "nuts", "mustard"], ["vegan"]],
  "Beetroot Salad": [["nuts"], ["vegan"]],
  "Lentil Soup": [["celery"], ["vegan"]],
  "Sweet Potato Wrap": [["gluten"], ["vegan", "spicy"]],
  "Green Smoothie": [[], ["vegan"]],
  "Berry Smoothie": [["gluten"], ["vegan"]],
  "Raw Brownie": [["nuts"], ["vegan"]],
  "Butter Croissant": [["gluten", "milk"], ["veg"]],
  Franzbrötchen: [["gluten", "milk", "eggs"], ["veg"]],
  "Pain au Chocolat": [["gluten", "milk", "soy"], ["veg"]],
  "Rye Bread Loaf": [["gluten"], ["vegan"]],
  Pretzel: [["gluten", "milk"], ["veg"]],
  "Avocado Toast": [["gluten"], ["vegan", "spicy"]],
  "Granola Bowl": [["gluten", "milk", "nuts"], ["veg"]],
  "Cheese Sandwich": [["gluten", "milk", "mustard"], ["veg"]],
  "Flat White": [["milk"], ["veg"]],
  Cappuccino: [["milk"], ["veg"]],
};

/** A dish's declaration as the menu item stores it; undeclared (no fields) when not listed. */
export function dietaryOf(dish: string): { allergens: Allergen[]; diet: Diet[] } | Record<string, never> {
  const facts = DISHES[dish];
  if (!facts) return {};
  const [allergens, tags = []] = facts;
  const diet: Diet[] = [];
  if (tags.includes("veg") || tags.includes("vegan")) diet.push("vegetarian");
  if (tags.includes("vegan")) diet.push("vegan");
  if (tags.includes("spicy")) diet.push("spicy");
  return { allergens, diet };
}

/** The demo dishes with a photo in web/public/photos. */
export const DISH_PHOTOS: Record<string, string> = {
  "Pizza Margherita": "/photos/pizza.svg",
  "Salmon Nigiri (2)": "/photos/sushi.svg",
  "Pho Bo": "/photos/pho.svg",
  "Döner Kebab": "/photos/kebab.svg",
  "Chicken Tikka Masala": "/photos/curry.svg",
  "Classic Burger": "/photos/burger.svg",
  "Tacos al Pastor (3)": "/photos/tacos.svg",
  "Buddha Bowl": "/photos/bowl.svg",
  "Butter Croissant": "/photos/bakery.svg",
};

/** Each demo restaurant's photo, by cuisine. */
export const CUISINE_PHOTOS: Record<string, string> = {
  Italian: "/photos/pizza.svg",
  Japanese: "/photos/sushi.svg",
  Vietnamese: "/photos/pho.svg",
  Turkish: "/photos/kebab.svg",
  Indian: "/photos/curry.svg",
  Burgers: "/photos/burger.svg",
  Mexican: "/photos/tacos.svg",
  Vegan: "/photos/bowl.svg",
  Bakery: "/photos/bakery.svg",
};
