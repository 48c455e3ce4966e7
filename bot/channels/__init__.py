"""Delivery channels behind one small interface: `send(address, message)` → message id, or ChannelError."""

from bot.channels.base import Channel, ChannelError, Message

__all__ = ["Channel", "ChannelError", "Message"]
