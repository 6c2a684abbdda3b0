"""Bundles (套餐, 搭配购买): a main product sold with companion SKUs at bundle prices."""
